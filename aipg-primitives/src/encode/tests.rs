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
