// SPDX-License-Identifier: MIT
//! PNG encoding with the generation parameters in `tEXt` chunks.

use crate::{InferenceError, Result};

/// Encodes 8-bit pixels (`channels` = 1 gray or 3 RGB, row-major, interleaved) as PNG, with
/// one `tEXt` chunk per `(keyword, text)` pair (keywords of 1 to 79 Latin-1 characters).
///
/// # Errors
/// [`InferenceError::Png`] for a size mismatch, a bad keyword, or an encoder failure.
pub fn encode_png(
    width: usize,
    height: usize,
    channels: usize,
    pixels: &[u8],
    text: &[(&str, &str)],
) -> Result<Vec<u8>> {
    let color = match channels {
        1 => png::ColorType::Grayscale,
        3 => png::ColorType::Rgb,
        _ => return Err(InferenceError::Png(format!("{channels} channels"))),
    };
    if width.checked_mul(height).and_then(|n| n.checked_mul(channels)) != Some(pixels.len()) {
        return Err(InferenceError::Png("pixel count does not match the size".into()));
    }
    let w = u32::try_from(width).map_err(|_| InferenceError::Png("too wide".into()))?;
    let h = u32::try_from(height).map_err(|_| InferenceError::Png("too tall".into()))?;
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(color);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::Default);
        for (k, v) in text {
            enc.add_text_chunk((*k).to_owned(), (*v).to_owned())
                .map_err(|e| InferenceError::Png(e.to_string()))?;
        }
        let mut wr = enc.write_header().map_err(|e| InferenceError::Png(e.to_string()))?;
        wr.write_image_data(pixels).map_err(|e| InferenceError::Png(e.to_string()))?;
        wr.finish().map_err(|e| InferenceError::Png(e.to_string()))?;
    }
    Ok(out)
}

/// Decodes a PNG written by [`encode_png`]: returns (width, height, channels, pixels, text).
///
/// # Errors
/// [`InferenceError::Png`].
#[allow(clippy::type_complexity)]
pub fn decode_png(bytes: &[u8]) -> Result<(usize, usize, usize, Vec<u8>, Vec<(String, String)>)> {
    let dec = png::Decoder::new(bytes);
    let mut reader = dec.read_info().map_err(|e| InferenceError::Png(e.to_string()))?;
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).map_err(|e| InferenceError::Png(e.to_string()))?;
    buf.truncate(info.buffer_size());
    let text = reader
        .info()
        .uncompressed_latin1_text
        .iter()
        .map(|t| (t.keyword.clone(), t.text.clone()))
        .collect();
    let channels = match info.color_type {
        png::ColorType::Grayscale => 1,
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        png::ColorType::GrayscaleAlpha => 2,
        png::ColorType::Indexed => 1,
    };
    Ok((info.width as usize, info.height as usize, channels, buf, text))
}

#[cfg(test)]
#[allow(clippy::cast_possible_truncation)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_with_text() {
        let px: Vec<u8> = (0..48).map(|i| (i * 5) as u8).collect();
        let bytes = encode_png(4, 4, 3, &px, &[("aipg:parameters", "{\"seed\":1}")]).unwrap();
        let (w, h, c, back, text) = decode_png(&bytes).unwrap();
        assert_eq!((w, h, c), (4, 4, 3));
        assert_eq!(back, px);
        assert_eq!(text, vec![("aipg:parameters".to_owned(), "{\"seed\":1}".to_owned())]);
        assert!(encode_png(4, 4, 3, &px[1..], &[]).is_err());
    }
}
