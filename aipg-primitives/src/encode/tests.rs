use super::*;
use proptest::prelude::*;

#[test]
fn compact_size_boundaries() {
    for (n, len) in [
        (0u64, 1),
        (0xfc, 1),
        (0xfd, 3),
        (0xffff, 3),
        (0x1_0000, 5),
        (0xffff_ffff, 5),
        (0x1_0000_0000, 9),
    ] {
        let mut v = Vec::new();
        write_compact_size(&mut v, n);
        assert_eq!(v.len(), len, "{n}");
        assert_eq!(compact_size_len(n), len);
        assert_eq!(Reader::new(&v).read_compact_size_unbounded(), Ok(n));
    }
}

#[test]
fn compact_size_rejects_non_canonical_and_oversized() {
    assert_eq!(
        Reader::new(&[0xfd, 0xfc, 0x00]).read_compact_size(),
        Err(DecodeError::NonCanonicalCompactSize)
    );
    assert_eq!(
        Reader::new(&[0xfe, 0xff, 0xff, 0, 0]).read_compact_size(),
        Err(DecodeError::NonCanonicalCompactSize)
    );
    assert_eq!(
        Reader::new(&[0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]).read_compact_size(),
        Err(DecodeError::NonCanonicalCompactSize)
    );
    assert_eq!(
        Reader::new(&[0xfe, 0x01, 0x00, 0x00, 0x02]).read_compact_size(),
        Err(DecodeError::OversizedCompactSize(0x0200_0001))
    );
    assert_eq!(Reader::new(&[0xfe, 0x00, 0x00, 0x00, 0x02]).read_compact_size(), Ok(MAX_SIZE));
}

#[test]
fn huge_vector_count_does_not_preallocate() {
    // Announces 33 million u64s with no bytes behind them: must fail without reserving 256 MB.
    let bytes = [0xfe, 0x00, 0x00, 0x00, 0x02];
    let err = Reader::new(&bytes).read_vec::<u64>("test", usize::MAX).unwrap_err();
    assert!(matches!(err, DecodeError::UnexpectedEnd { .. }));
}

#[test]
fn read_vec_rejects_counts_the_input_cannot_hold() {
    // Three u32s announced and present: exactly three reserved.
    let mut bytes = alloc::vec![3u8];
    bytes.extend([0u8; 12]);
    let v = Reader::new(&bytes).read_vec::<u32>("test", 10).unwrap();
    assert_eq!(v.capacity(), 3);
    // Four announced in the same 12 bytes: rejected before anything is reserved or read.
    bytes[0] = 4;
    assert_eq!(
        Reader::new(&bytes).read_vec::<u32>("test", 10),
        Err(DecodeError::UnexpectedEnd { needed: 16, remaining: 12 })
    );
    // The count limit is checked first.
    assert_eq!(
        Reader::new(&bytes).read_vec::<u32>("test", 3),
        Err(DecodeError::TooLarge { what: "test", got: 4, max: 3 })
    );
}

#[test]
fn read_vec_grows_past_the_preallocation_only_to_the_count() {
    let prealloc = MAX_PREALLOCATION / core::mem::size_of::<u64>();
    let count = prealloc + 5;
    let mut bytes = Vec::new();
    write_compact_size(&mut bytes, count as u64);
    bytes.resize(bytes.len() + count * 8, 0);
    let v = Reader::new(&bytes).read_vec::<u64>("test", usize::MAX).unwrap();
    assert_eq!(v.len(), count);
    assert_eq!(v.capacity(), count);
}

#[test]
fn read_vec_with_a_zero_minimum_still_caps_the_reservation() {
    let mut r = Reader::new(&[0xfe, 0x00, 0x00, 0x00, 0x02]);
    let err = r.read_vec_with("test", usize::MAX, 0, Reader::read_u64).unwrap_err();
    assert!(matches!(err, DecodeError::UnexpectedEnd { .. }));
}

#[test]
fn decode_exact_rejects_trailing() {
    assert_eq!(decode_exact::<u32>(&[1, 0, 0, 0, 9]), Err(DecodeError::TrailingBytes(1)));
    assert_eq!(decode_exact::<u32>(&[1, 0, 0, 0]), Ok(1));
    assert_eq!(decode_prefix::<u16>(&[1, 0, 7]), Ok((1, &[7u8][..])));
}

proptest! {
    #[test]
    fn compact_size_round_trip(n in any::<u64>()) {
        let mut v = Vec::new();
        write_compact_size(&mut v, n);
        prop_assert_eq!(v.len(), compact_size_len(n));
        let mut r = Reader::new(&v);
        prop_assert_eq!(r.read_compact_size_unbounded(), Ok(n));
        prop_assert_eq!(r.remaining(), 0);
    }

    #[test]
    fn reader_never_panics(data in proptest::collection::vec(any::<u8>(), 0..64)) {
        let mut r = Reader::new(&data);
        let _ = r.read_var_bytes();
        let _ = r.read_vec::<u32>("x", 1000);
        let _ = r.read_compact_size();
    }
}
