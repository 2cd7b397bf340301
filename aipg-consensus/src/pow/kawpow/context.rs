// SPDX-License-Identifier: MIT
//! The per-epoch data that light verification needs, the window of epochs a verifier accepts,
//! and a small cache of contexts.

use super::error::PowError;
use super::ethash::{
    self, EPOCH_LENGTH, FULL_ITEM_BYTES, FastMod, Item, LIGHT_ITEM_BYTES, MAX_EPOCH,
    dataset_item_2048,
};
use alloc::boxed::Box;
use alloc::collections::VecDeque;
use alloc::sync::Arc;
use alloc::vec::Vec;

/// Words in the ProgPoW L1 cache (16 KiB), the first words of the DAG.
pub(crate) const L1_WORDS: usize = 4096;

/// The epochs whose contexts a verifier accepts to build or use: an inclusive range the caller
/// derives from what it knows (the chain tip it holds, or the heights of the headers it checks),
/// never from a header's own claimed `nHeight`.
///
/// Building a context costs about 16 MiB + 128 KiB × epoch and millions of Keccak permutations,
/// up to some 4 GiB for the last epoch; a header whose claimed height lies outside the window is
/// rejected before any of that work ([`PowError::EpochOutsideWindow`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EpochWindow {
    first: u32,
    last: u32,
}

impl EpochWindow {
    /// The epochs `first..=last` (the two bounds in either order).
    pub const fn new(first: u32, last: u32) -> Self {
        if first <= last { Self { first, last } } else { Self { first: last, last: first } }
    }

    /// The one epoch `epoch`.
    pub const fn single(epoch: u32) -> Self {
        Self { first: epoch, last: epoch }
    }

    /// The epochs of the block heights `low..=high` (in either order).
    pub const fn for_heights(low: u32, high: u32) -> Self {
        Self::new(low / EPOCH_LENGTH, high / EPOCH_LENGTH)
    }

    /// Returns the first epoch of the window.
    pub const fn first(self) -> u32 {
        self.first
    }

    /// Returns the last epoch of the window.
    pub const fn last(self) -> u32 {
        self.last
    }

    /// Returns true when `epoch` lies in the window.
    pub const fn contains(self, epoch: u32) -> bool {
        self.first <= epoch && epoch <= self.last
    }

    /// Returns `Ok(())` when `epoch` lies in the window.
    ///
    /// # Errors
    /// [`PowError::EpochOutsideWindow`] otherwise.
    pub const fn check(self, epoch: u32) -> Result<(), PowError> {
        if self.contains(epoch) {
            Ok(())
        } else {
            Err(PowError::EpochOutsideWindow { epoch, first: self.first, last: self.last })
        }
    }
}

/// Everything needed to verify KAWPOW hashes of one epoch without the full DAG.
///
/// Holds the epoch's light cache (16 MiB at epoch 0, growing by 128 KiB per epoch), stored as
/// 64-byte aligned items so that each dataset parent read touches one cache line, and the 16 KiB
/// ProgPoW L1 cache (the first 16 KiB of the DAG). Building one takes a fraction of a second to
/// about a second in an optimised build; it is an ordinary immutable value (`Send + Sync`) that
/// the caller builds, caches and shares, for example behind an [`Arc`] (see
/// [`EpochContextCache`]).
#[derive(Clone)]
pub struct EpochContext {
    epoch: u32,
    light_cache: Vec<Item>,
    light_modulus: FastMod,
    full_items: u32,
    item_2048_modulus: FastMod,
    l1_cache: Box<[u32; L1_WORDS]>,
}

impl core::fmt::Debug for EpochContext {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("EpochContext")
            .field("epoch", &self.epoch)
            .field("light_cache_items", &self.light_cache.len())
            .field("full_dataset_items", &self.full_items)
            .finish_non_exhaustive()
    }
}

impl EpochContext {
    /// Builds the context of `epoch`: its light cache, then its L1 cache.
    ///
    /// This allocates the light cache (about 16 MiB + 128 KiB × epoch) and costs millions of
    /// Keccak permutations; check cheap header rules (the target) before building a context for
    /// an epoch taken from an untrusted header.
    ///
    /// # Errors
    /// [`PowError::EpochTooLarge`] when `epoch` is above [`MAX_EPOCH`], whose sizes no longer fit
    /// the reference's 32-bit item counts.
    pub fn new(epoch: u32) -> Result<Self, PowError> {
        if epoch > MAX_EPOCH {
            return Err(PowError::EpochTooLarge { epoch, max: MAX_EPOCH });
        }
        let light_items = ethash::light_cache_items(epoch);
        let full_items = ethash::full_dataset_items(epoch);
        let seed = ethash::epoch_seed(epoch);
        let light_cache = ethash::build_light_cache(&seed, light_items);
        let light_modulus = FastMod::new(light_items);
        let mut l1_cache: Box<[u32; L1_WORDS]> = Box::new([0u32; L1_WORDS]);
        for (i, chunk) in l1_cache.chunks_exact_mut(64).enumerate() {
            // At most 64 chunks, so the cast is exact.
            #[allow(clippy::cast_possible_truncation)]
            chunk.copy_from_slice(&dataset_item_2048(&light_cache, light_modulus, i as u32));
        }
        Ok(Self {
            epoch,
            light_cache,
            light_modulus,
            full_items,
            item_2048_modulus: FastMod::new(full_items / 2),
            l1_cache,
        })
    }

    /// Builds the context of the epoch that contains block `height`.
    ///
    /// # Errors
    /// As [`EpochContext::new`].
    pub fn for_height(height: u32) -> Result<Self, PowError> {
        Self::new(ethash::epoch_number(height))
    }

    /// Returns the epoch number.
    pub fn epoch(&self) -> u32 {
        self.epoch
    }

    /// Returns the number of 64-byte light-cache items.
    pub fn light_cache_items(&self) -> u32 {
        self.light_modulus.divisor()
    }

    /// Returns the light-cache size in bytes.
    pub fn light_cache_bytes(&self) -> u64 {
        u64::from(self.light_cache_items()) * LIGHT_ITEM_BYTES
    }

    /// Returns the number of 128-byte full-dataset (DAG) items.
    pub fn full_dataset_items(&self) -> u32 {
        self.full_items
    }

    /// Returns the full-dataset (DAG) size in bytes.
    pub fn full_dataset_bytes(&self) -> u64 {
        u64::from(self.full_items) * FULL_ITEM_BYTES
    }

    /// Returns the 4,096-word ProgPoW L1 cache: the first 16 KiB of the DAG as little-endian words.
    pub fn l1_cache(&self) -> &[u32; L1_WORDS] {
        &self.l1_cache
    }

    /// Computes the 2048-bit DAG item `index` (as KAWPOW loads it) from the light cache, as 64
    /// little-endian words.
    ///
    /// `index` is reduced modulo the number of 2048-bit items, as the ProgPoW loop does.
    pub fn compute_dataset_item_2048(&self, index: u32) -> [u32; 64] {
        let index = self.item_2048_modulus.reduce(index);
        dataset_item_2048(&self.light_cache, self.light_modulus, index)
    }

    pub(crate) fn item_2048_modulus(&self) -> FastMod {
        self.item_2048_modulus
    }
}

/// A bounded cache of the most recently used epoch contexts, which builds only the epochs of its
/// [`EpochWindow`].
///
/// Holds at most `capacity` contexts behind [`Arc`], so a verifier keeps the current epoch and
/// its neighbours while headers near an epoch boundary arrive; memory is bounded by `capacity`
/// contexts of the window's last epoch. Move the window with [`EpochContextCache::set_window`] as
/// the caller's chain tip advances. The cache itself is not synchronised: share it behind a
/// mutex, or look up with [`EpochContextCache::get`], build a missing context outside the lock
/// and add it with [`EpochContextCache::insert`].
#[derive(Debug, Clone)]
pub struct EpochContextCache {
    capacity: usize,
    window: EpochWindow,
    // Most recently used last.
    entries: VecDeque<Arc<EpochContext>>,
}

impl EpochContextCache {
    /// Creates an empty cache that keeps at most `capacity` contexts (at least one) and builds
    /// only the epochs of `window`.
    pub fn new(capacity: usize, window: EpochWindow) -> Self {
        let capacity = capacity.max(1);
        Self { capacity, window, entries: VecDeque::with_capacity(capacity) }
    }

    /// Returns the epochs this cache builds.
    pub fn window(&self) -> EpochWindow {
        self.window
    }

    /// Replaces the window; contexts already held stay until evicted, but only those inside the
    /// new window are handed out by [`EpochContextCache::get_or_build`].
    pub fn set_window(&mut self, window: EpochWindow) {
        self.window = window;
    }

    /// Returns the maximum number of contexts kept.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Returns the number of contexts held.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Returns true when no context is held.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Returns the context of `epoch` if it is held, without changing the eviction order.
    pub fn get(&self, epoch: u32) -> Option<Arc<EpochContext>> {
        self.entries.iter().find(|c| c.epoch() == epoch).cloned()
    }

    /// Adds a context (replacing one of the same epoch) as the most recently used one, evicting
    /// the least recently used context when full.
    pub fn insert(&mut self, context: Arc<EpochContext>) {
        self.entries.retain(|c| c.epoch() != context.epoch());
        while self.entries.len() >= self.capacity {
            self.entries.pop_front();
        }
        self.entries.push_back(context);
    }

    /// Returns the context of `epoch`, building and adding it when it is not held, and marks it
    /// as the most recently used.
    ///
    /// # Errors
    /// [`PowError::EpochOutsideWindow`] for an epoch outside the window (nothing is built), or as
    /// [`EpochContext::new`].
    pub fn get_or_build(&mut self, epoch: u32) -> Result<Arc<EpochContext>, PowError> {
        self.window.check(epoch)?;
        if let Some(pos) = self.entries.iter().position(|c| c.epoch() == epoch) {
            if let Some(ctx) = self.entries.remove(pos) {
                self.entries.push_back(Arc::clone(&ctx));
                return Ok(ctx);
            }
        }
        let ctx = Arc::new(EpochContext::new(epoch)?);
        self.insert(Arc::clone(&ctx));
        Ok(ctx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn context_is_send_and_sync() {
        assert_send_sync::<EpochContext>();
        assert_send_sync::<Arc<EpochContext>>();
        assert_send_sync::<EpochContextCache>();
    }

    #[test]
    fn epoch_above_maximum_is_refused() {
        assert_eq!(
            EpochContext::new(MAX_EPOCH + 1).unwrap_err(),
            PowError::EpochTooLarge { epoch: MAX_EPOCH + 1, max: MAX_EPOCH }
        );
        let mut cache = EpochContextCache::new(2, EpochWindow::new(0, u32::MAX));
        assert!(cache.get_or_build(u32::MAX).is_err());
        assert!(cache.is_empty());
    }

    #[test]
    fn epochs_outside_the_window_are_refused_before_any_work() {
        let mut cache = EpochContextCache::new(2, EpochWindow::for_heights(7_499, 15_000));
        assert_eq!(cache.window(), EpochWindow::new(2, 0));
        assert_eq!(
            cache.get_or_build(3).unwrap_err(),
            PowError::EpochOutsideWindow { epoch: 3, first: 0, last: 2 }
        );
        assert_eq!(
            cache.get_or_build(32_639).unwrap_err(),
            PowError::EpochOutsideWindow { epoch: 32_639, first: 0, last: 2 }
        );
        assert!(cache.is_empty());
        cache.set_window(EpochWindow::single(5));
        assert!(cache.get_or_build(0).is_err());
        assert!(EpochWindow::single(5).contains(5) && !EpochWindow::single(5).contains(4));
    }
}
