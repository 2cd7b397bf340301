// SPDX-License-Identifier: MIT
//! Small helpers around `ort` sessions: named inputs from plain tensors, owned outputs.

use ort::session::{Session, SessionInputValue, SessionOutputs};
use ort::value::{TensorElementType, ValueType};

use crate::tensor::Tensor;
use crate::{InferenceError, Result};

/// A named session input, owning its data or borrowing it for `'a`.
pub(crate) type Input<'a> = (String, SessionInputValue<'a>);

/// Returns a named input that owns `data`.
pub(crate) fn input<T>(name: &str, shape: &[usize], data: Vec<T>) -> Result<Input<'static>>
where
    T: ort::value::PrimitiveTensorElementType + Clone + core::fmt::Debug + 'static,
{
    let t = ort::value::Tensor::from_array((shape.to_vec(), data))?;
    Ok((name.to_owned(), t.into()))
}

/// Returns a named input that borrows `t`'s data (no copy).
pub(crate) fn input_ref<'a>(name: &str, t: &'a Tensor<f32>) -> Result<Input<'a>> {
    let v = ort::value::TensorRef::from_array_view((t.shape().to_vec(), t.data()))?;
    Ok((name.to_owned(), v.into()))
}

/// Removes the named output and returns it as an owned f32 tensor.
pub(crate) fn take_f32(out: &mut SessionOutputs<'_>, name: &str) -> Result<Tensor<f32>> {
    let value = out
        .remove(name)
        .ok_or_else(|| InferenceError::Model(format!("graph has no output {name:?}")))?;
    let (shape, data) = value.try_extract_tensor::<f32>()?;
    let shape: Vec<usize> = shape.iter().map(|&d| usize::try_from(d).unwrap_or(0)).collect();
    Tensor::new(shape, data.to_vec())
}

/// Runs `session` and returns the named outputs as owned f32 tensors, in the order asked.
pub(crate) fn run_f32(
    session: &mut Session,
    inputs: Vec<Input<'_>>,
    outputs: &[&str],
) -> Result<Vec<Tensor<f32>>> {
    let mut out = session.run(inputs)?;
    outputs.iter().map(|name| take_f32(&mut out, name)).collect()
}

/// Returns the element type of a named input, if the graph has it as a tensor.
pub(crate) fn input_type(session: &Session, name: &str) -> Option<TensorElementType> {
    session.inputs().iter().find(|o| o.name() == name).and_then(|o| match o.dtype() {
        ValueType::Tensor { ty, .. } => Some(*ty),
        _ => None,
    })
}

/// Checks that the graph has every named input.
pub(crate) fn require_inputs(session: &Session, what: &str, names: &[&str]) -> Result<()> {
    for n in names {
        if input_type(session, n).is_none() {
            let have: Vec<&str> = session.inputs().iter().map(|o| o.name()).collect();
            return Err(InferenceError::Model(format!(
                "{what}: no tensor input {n:?} (inputs: {have:?})"
            )));
        }
    }
    Ok(())
}
