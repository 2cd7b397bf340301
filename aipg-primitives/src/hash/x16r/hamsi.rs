//! Hamsi-512 (Küçük; SHA-3 round 2).
//!
//! Each 8-byte message block is expanded by a linear code to sixteen 32-bit words, concatenated
//! with the sixteen-word chaining value into a 4 × 8 matrix of words, permuted by six rounds
//! (twelve for the final length block) of constant addition, the 4-bit S-box applied across the
//! four rows, and the Serpent linear transform, then truncated and fed forward.

/// Initial chaining value of Hamsi-512.
const IV: [u32; 16] = [
    0x7374_6565,
    0x6c70_6172,
    0x6b20_4172,
    0x656e_6265,
    0x7267_2031,
    0x302c_2062,
    0x7573_2032,
    0x3434_362c,
    0x2042_2d33,
    0x3030_3120,
    0x4c65_7576,
    0x656e_2d48,
    0x6576_6572,
    0x6c65_652c,
    0x2042_656c,
    0x6769_756d,
];

/// Round constants of the permutation P.
const ALPHA_N: [u32; 32] = [
    0xff00_f0f0,
    0xcccc_aaaa,
    0xf0f0_cccc,
    0xff00_aaaa,
    0xcccc_aaaa,
    0xf0f0_ff00,
    0xaaaa_cccc,
    0xf0f0_ff00,
    0xf0f0_cccc,
    0xaaaa_ff00,
    0xcccc_ff00,
    0xaaaa_f0f0,
    0xaaaa_f0f0,
    0xff00_cccc,
    0xcccc_f0f0,
    0xff00_aaaa,
    0xcccc_aaaa,
    0xff00_f0f0,
    0xff00_aaaa,
    0xf0f0_cccc,
    0xf0f0_ff00,
    0xcccc_aaaa,
    0xf0f0_ff00,
    0xaaaa_cccc,
    0xaaaa_ff00,
    0xf0f0_cccc,
    0xaaaa_f0f0,
    0xcccc_ff00,
    0xff00_cccc,
    0xaaaa_f0f0,
    0xff00_aaaa,
    0xcccc_f0f0,
];

/// Round constants of the final permutation P_f.
const ALPHA_F: [u32; 32] = [
    0xcaf9_639c,
    0x0ff0_f9c0,
    0x639c_0ff0,
    0xcaf9_f9c0,
    0x0ff0_f9c0,
    0x639c_caf9,
    0xf9c0_0ff0,
    0x639c_caf9,
    0x639c_0ff0,
    0xf9c0_caf9,
    0x0ff0_caf9,
    0xf9c0_639c,
    0xf9c0_639c,
    0xcaf9_0ff0,
    0x0ff0_639c,
    0xcaf9_f9c0,
    0x0ff0_f9c0,
    0xcaf9_639c,
    0xcaf9_f9c0,
    0x639c_0ff0,
    0x639c_caf9,
    0x0ff0_f9c0,
    0x639c_caf9,
    0xf9c0_0ff0,
    0xf9c0_caf9,
    0x639c_0ff0,
    0xf9c0_639c,
    0x0ff0_caf9,
    0xcaf9_0ff0,
    0xf9c0_639c,
    0xcaf9_f9c0,
    0x0ff0_639c,
];

/// Generator rows of the message expansion for the even message bits.
///
/// Entry `k` is the codeword of message bit `2k` (bit `2k % 8` of byte `2k / 8`, bits numbered
/// from the least significant), as two halves `(A, B)` of eight words each. The code is linear over GF(4), and the odd bit `2k + 1` is the same GF(4)
/// symbol times ω, whose codeword is `(B, A ^ B)` ([`omega`]).
const GEN_EVEN: [[u32; 16]; 32] = [
    [
        0xef0b_0270,
        0x3afd_0000,
        0x5dae_0000,
        0x6949_0000,
        0x9b0f_3c06,
        0x4405_b5f9,
        0x6614_0a51,
        0x924f_5d0a,
        0xc96b_0030,
        0xe725_0000,
        0x2f84_0000,
        0x264f_0000,
        0x0869_5bf9,
        0x6dfc_f137,
        0x509f_6984,
        0x9e69_af68,
    ],
    [
        0x145a_3c00,
        0xb9e9_0000,
        0x6127_0000,
        0xf161_0000,
        0xce61_3d6c,
        0xb049_3d78,
        0x47a9_6720,
        0xe18e_24c5,
        0x2367_1400,
        0xc8b9_0000,
        0xf4c7_0000,
        0xfb75_0000,
        0x73cd_2465,
        0xf8a6_a549,
        0x02c4_0a3f,
        0xdc24_e61f,
    ],
    [
        0x5428_5c00,
        0xeaed_0000,
        0xc5d6_0000,
        0xa1c5_0000,
        0xb3a2_6770,
        0x94a5_c4e1,
        0x6bb0_419d,
        0x551b_3782,
        0x9cbb_1800,
        0xb0d3_0000,
        0x9251_0000,
        0xed93_0000,
        0x593a_4345,
        0xe114_d5f4,
        0x4306_33da,
        0x78ca_ce29,
    ],
    [
        0x2944_9c00,
        0x64e7_0000,
        0xf24b_0000,
        0xc2f3_0000,
        0x0ede_4e8f,
        0x56c2_3745,
        0xf3e0_4259,
        0x8d0d_9ec4,
        0x466d_0c00,
        0x0862_0000,
        0xdd5d_0000,
        0xbadd_0000,
        0x6a92_7942,
        0x441f_2b93,
        0x218a_ce6f,
        0xbf2c_0be2,
    ],
    [
        0xf680_0005,
        0x3443_c000,
        0x2407_0000,
        0x8f3d_0000,
        0x2137_3bfb,
        0x0ab8_d5ae,
        0xcdc5_8b19,
        0xd795_ba31,
        0xa67f_0001,
        0x7137_8000,
        0x19fc_0000,
        0x96db_0000,
        0x3a8b_6dfd,
        0xebca_aef3,
        0x2c6d_478f,
        0xac8e_6c88,
    ],
    [
        0xf775_0009,
        0xcf3c_c000,
        0xc3d6_0000,
        0x0492_0000,
        0x0295_19a9,
        0xf8e8_36ba,
        0x7a87_f14e,
        0x9e16_981a,
        0xd46a_0000,
        0x8dc8_c000,
        0xa5af_0000,
        0x4a29_0000,
        0xfc4e_427a,
        0xc9b4_866c,
        0x9836_9604,
        0xf746_c320,
    ],
    [
        0x7744_00f0,
        0xf15a_0000,
        0xf5b2_0000,
        0x3414_0000,
        0x8937_7e8c,
        0x5a8b_ec25,
        0x0bc3_cd1e,
        0xcf37_75cb,
        0xf46c_0050,
        0x9618_0000,
        0x14a5_0000,
        0x031f_0000,
        0x4294_7eb8,
        0x66bf_7e19,
        0x9ca4_70d2,
        0x8a34_1574,
    ],
    [
        0xe887_0170,
        0x9d72_0000,
        0x12db_0000,
        0xd422_0000,
        0xf288_6b27,
        0xa921_e543,
        0x4ef8_b518,
        0x6188_13b1,
        0xb437_0060,
        0x0c4c_0000,
        0x56c2_0000,
        0x5cae_0000,
        0x9454_1f3f,
        0x3b3e_f825,
        0x1b36_5f3d,
        0xf3d4_5758,
    ],
    [
        0x0c72_0000,
        0x49e5_0f00,
        0x4279_0000,
        0x5cea_0000,
        0x33aa_301a,
        0x1582_2514,
        0x95a3_4b7b,
        0xb44b_0090,
        0xfe22_0000,
        0xa758_0500,
        0x25d1_0000,
        0xf760_0000,
        0x8931_78da,
        0x1fd4_f860,
        0x4ed0_a315,
        0xa123_ff9f,
    ],
    [
        0x4518_0000,
        0xa5b5_1700,
        0xf96a_0000,
        0x3b48_0000,
        0x1ecc_142c,
        0x2313_95d6,
        0x16bc_a6b0,
        0xdf33_f4df,
        0xb83d_0000,
        0x1671_0600,
        0x379a_0000,
        0xf5b1_0000,
        0x2281_61ac,
        0xae48_f145,
        0x6624_1616,
        0xc5c1_eb3e,
    ],
    [
        0x75a4_0000,
        0xc28b_2700,
        0x94a4_0000,
        0x90f5_0000,
        0xfb78_57e0,
        0x49ce_0bae,
        0x1767_c483,
        0xaedf_667e,
        0xd166_0000,
        0x1bbc_0300,
        0x9eec_0000,
        0xf694_0000,
        0x0302_4527,
        0xcf70_fcf2,
        0xb443_1b17,
        0x857f_3c2b,
    ],
    [
        0x75c9_0003,
        0x0e10_c000,
        0xd120_0000,
        0xbaea_0000,
        0x8bc4_2f3e,
        0x8758_b757,
        0xbb28_761d,
        0x00b7_2e2b,
        0xeecf_0001,
        0x6f56_4000,
        0xf33e_0000,
        0xa79e_0000,
        0xbdb5_7219,
        0xb711_ebc5,
        0x4a3b_40ba,
        0xfeab_f254,
    ],
    [
        0x8679_0000,
        0x3f39_0002,
        0xe19a_e000,
        0x9856_0000,
        0x9565_670e,
        0x4e88_c8ea,
        0xd3dd_4944,
        0x161d_dab9,
        0x30b7_0000,
        0xe5d0_0000,
        0xf4f4_6000,
        0x42c4_0000,
        0x63b8_3d6a,
        0x78ba_9460,
        0x21af_a1ea,
        0xb0a5_1834,
    ],
    [
        0x1419_0000,
        0x23ca_003c,
        0x50df_0000,
        0x44b6_0000,
        0x1b6c_67b0,
        0x3cf3_ac75,
        0x61e6_10b0,
        0xdbca_db80,
        0xe343_0000,
        0x3a4e_0014,
        0xf2c6_0000,
        0xaa4e_0000,
        0xdb1e_42a6,
        0x256b_be15,
        0x123d_b156,
        0x3a4e_99d7,
    ],
    [
        0x5450_0000,
        0x0671_005c,
        0x25ae_0000,
        0x6a1e_0000,
        0x2ea5_4edf,
        0x664e_8512,
        0xbfba_18c3,
        0x7e71_5d17,
        0xbc8d_0000,
        0xfc3b_0018,
        0x1983_0000,
        0xd10b_0000,
        0xae18_78c4,
        0x42a6_9856,
        0x0012_da37,
        0x2c3b_504e,
    ],
    [
        0x6951_0000,
        0xd4e1_009c,
        0xc323_0000,
        0xac2f_0000,
        0xe495_0bae,
        0xcea4_15dc,
        0x87ec_287c,
        0xbce1_a3ce,
        0xc673_0000,
        0xaf8d_000c,
        0xa4c1_0000,
        0x218d_0000,
        0x2311_1587,
        0x7913_512f,
        0x1d28_ac88,
        0x378d_d173,
    ],
    [
        0xcc14_0000,
        0xa563_0000,
        0x5ab9_0780,
        0x3b50_0000,
        0x4bd0_13ff,
        0x879b_3418,
        0x6943_48c1,
        0xca5a_87fe,
        0x819e_0000,
        0xec57_0000,
        0x6632_0280,
        0x95f3_0000,
        0x5da9_2802,
        0x48f4_3cbc,
        0xe65a_a22d,
        0x8e67_b7fa,
    ],
    [
        0x7823_0000,
        0x12fc_0000,
        0xa93a_0b80,
        0x90a5_0000,
        0x713e_2879,
        0x7ee9_8924,
        0xf08c_a062,
        0x636f_8bab,
        0x02af_0000,
        0xb728_0000,
        0xba1c_0300,
        0x5698_0000,
        0xba8d_45d3,
        0x8048_c667,
        0xa95c_149a,
        0xf4f6_ea7b,
    ],
    [
        0xac48_0000,
        0x1ba6_0000,
        0x45fb_1380,
        0x0343_0000,
        0x5a85_316a,
        0x1fb2_50b6,
        0xfe72_c7fe,
        0x91e4_78f6,
        0x1e4e_0000,
        0xdecf_0000,
        0x6df8_0180,
        0x7724_0000,
        0xec47_079e,
        0xf4a0_694e,
        0xcda3_1812,
        0x98aa_496e,
    ],
    [
        0xaec3_0000,
        0x9c4f_0001,
        0x79d1_e000,
        0x2c15_0000,
        0x45cc_75b3,
        0x6650_b736,
        0xab92_f78f,
        0xa312_567b,
        0xdb25_0000,
        0x0929_0000,
        0x49aa_c000,
        0x81e1_0000,
        0xcafe_6b59,
        0x4279_3431,
        0x4356_6b76,
        0xe86c_ba2e,
    ],
    [
        0x5843_0000,
        0x807e_0000,
        0x7833_0001,
        0xc66b_3800,
        0xe737_5cdc,
        0x79ad_3fdd,
        0xac73_fe6f,
        0x3a44_79b1,
        0x1d5a_0000,
        0x2b72_0000,
        0x488d_0000,
        0xaf61_1800,
        0x25cb_2ec5,
        0xc879_bfd0,
        0x81a2_0429,
        0x1e75_36a6,
    ],
    [
        0xa53b_0000,
        0x1426_0000,
        0x4e30_001e,
        0x7cae_0000,
        0x8f9e_0dd5,
        0x78df_aa3d,
        0xf731_68d8,
        0x0b1b_4946,
        0x07ed_0000,
        0xb250_0000,
        0x8774_000a,
        0x970d_0000,
        0x4372_23ae,
        0x48c7_6ea4,
        0xf478_6222,
        0x9075_b1ce,
    ],
    [
        0x8898_0000,
        0x1f94_0000,
        0x7fcf_002e,
        0xfb4e_0000,
        0xf158_079a,
        0x61ae_9167,
        0xa895_706c,
        0xe610_7494,
        0x0bc2_0000,
        0xdb63_0000,
        0x7e88_000c,
        0x1586_0000,
        0x91fd_48f3,
        0x7581_bb43,
        0xf460_449e,
        0xd8b6_1463,
    ],
    [
        0x5250_0000,
        0x2954_0000,
        0x6a61_004e,
        0xf0ff_0000,
        0x9a31_7eec,
        0x4523_41ce,
        0xcf56_8fe5,
        0x5303_130f,
        0x538d_0000,
        0xa9fc_0000,
        0x9ef7_0006,
        0x56ff_0000,
        0x0ae4_004e,
        0x92c5_cdf9,
        0xa944_4018,
        0x7f97_5691,
    ],
    [
        0xe628_0000,
        0x4c4b_0000,
        0xa855_0000,
        0xd3d0_02e0,
        0xd861_30b8,
        0x98a7_b0da,
        0x2895_06b4,
        0xd75a_4897,
        0xf0c5_0000,
        0x5923_0000,
        0x4582_0000,
        0xe18d_00c0,
        0x3b6d_0631,
        0xc2ed_5699,
        0xcbe0_fe1c,
        0x56a7_b19f,
    ],
    [
        0xb431_0000,
        0x7733_0000,
        0xb15d_0000,
        0x7fd0_04e0,
        0x78a2_6138,
        0xd116_c35d,
        0xd256_d489,
        0x4e6f_74de,
        0xe306_0000,
        0xbdc1_0000,
        0x8713_0000,
        0xbff2_0060,
        0x2eba_0a1a,
        0x8db5_3751,
        0x73c5_ab06,
        0x5bd6_1539,
    ],
    [
        0x02f2_0000,
        0xa281_0000,
        0x873f_0000,
        0xe36c_7800,
        0x1e1d_74ef,
        0x073d_2bd6,
        0xc4c2_3237,
        0x7f32_259e,
        0xbadd_0000,
        0x13ad_0000,
        0xb7e7_0000,
        0xf728_2800,
        0xdf45_144d,
        0x361a_c33a,
        0xea5a_8d14,
        0x2a2c_18f0,
    ],
    [
        0x1e6c_0000,
        0xc442_0000,
        0x8a2e_0000,
        0xbcb6_b800,
        0x2c44_13b6,
        0x8bfd_d3da,
        0x6a0c_1bc8,
        0xb99d_c2eb,
        0x9256_0000,
        0x1eda_0000,
        0xea51_0000,
        0xe8b1_3000,
        0xa935_56a5,
        0xebfb_6199,
        0xb15c_2254,
        0x33c5_244f,
    ],
    [
        0x033d_0000,
        0x08b3_0000,
        0xf33a_0000,
        0x3ac2_0007,
        0x5129_8a50,
        0x6b6e_661f,
        0x0ea5_cfe3,
        0xe6da_7ffe,
        0xa8da_0000,
        0x96be_0000,
        0x5c1d_0000,
        0x07da_0002,
        0x7d66_9583,
        0x1f98_708a,
        0xbb66_8808,
        0xda87_8000,
    ],
    [
        0x0193_0000,
        0xe782_0000,
        0xedfb_0000,
        0xcf0c_000b,
        0x8dd0_8d58,
        0xbca3_b42e,
        0x0636_61e1,
        0x536f_9e7b,
        0x9228_0000,
        0xdc85_0000,
        0x57fa_0000,
        0x56dc_0003,
        0xbae9_2316,
        0x5aef_a30c,
        0x90ce_f752,
        0x7b16_75d7,
    ],
    [
        0x5fa8_0000,
        0x5603_0000,
        0x43ae_0000,
        0x64f3_0013,
        0x257e_86bf,
        0x1311_944e,
        0x541e_95bf,
        0x8ea4_db69,
        0x0044_0000,
        0x7f48_0000,
        0xda7c_0000,
        0x2a23_0001,
        0x3bad_c9cc,
        0xa9b6_9c87,
        0x030a_9e60,
        0xbe0a_679e,
    ],
    [
        0xee93_0000,
        0xd607_0000,
        0x92c1_0000,
        0x2b98_01e0,
        0x9451_287c,
        0x3b6c_fb57,
        0x4531_2374,
        0x201f_6a64,
        0x7b28_0000,
        0x5742_0000,
        0xa9e5_0000,
        0x6343_00a0,
        0x9edb_442f,
        0x6d99_95bb,
        0x27f8_3b03,
        0xc7ff_60f0,
    ],
];

/// The codeword of a GF(4) symbol times ω, from the codeword `(A, B)` of the symbol.
const fn omega(row: [u32; 16]) -> [u32; 16] {
    let mut out = [0u32; 16];
    let mut i = 0;
    while i < 8 {
        out[i] = row[8 + i];
        out[8 + i] = row[i] ^ row[8 + i];
        i += 1;
    }
    out
}

/// Generator row of message bit `r` (bit `r % 8` of byte `r / 8`, least significant first).
const fn gen_row(r: usize) -> [u32; 16] {
    let even = GEN_EVEN[r / 2];
    if r % 2 == 0 { even } else { omega(even) }
}

/// `EXPAND[p][x]`: the expansion of nibble value `x` at nibble position `p` of the block (low
/// nibble of byte `p / 2` for even `p`, high nibble for odd `p`).
const fn make_expand() -> [[[u32; 16]; 16]; 16] {
    let mut t = [[[0u32; 16]; 16]; 16];
    let mut p = 0;
    while p < 16 {
        let mut x = 0;
        while x < 16 {
            let mut bit = 0;
            while bit < 4 {
                if x >> bit & 1 != 0 {
                    let row = gen_row(4 * p + bit);
                    let mut w = 0;
                    while w < 16 {
                        t[p][x][w] ^= row[w];
                        w += 1;
                    }
                }
                bit += 1;
            }
            x += 1;
        }
        p += 1;
    }
    t
}

static EXPAND: [[[u32; 16]; 16]; 16] = make_expand();

/// Positions in the 32-word state of the sixteen expanded message words.
const MSG_POS: [usize; 16] = [0, 1, 4, 5, 10, 11, 14, 15, 16, 17, 20, 21, 26, 27, 30, 31];
/// Positions in the 32-word state of the sixteen chaining words.
const CV_POS: [usize; 16] = [2, 3, 6, 7, 8, 9, 12, 13, 18, 19, 22, 23, 24, 25, 28, 29];

/// The 4-bit S-box applied in parallel to 32 bit columns; `a` holds the least significant bit of
/// each nibble and `d` the most significant.
#[inline(always)]
fn sbox(a: u32, b: u32, c: u32, d: u32) -> (u32, u32, u32, u32) {
    let a1 = (a & c) ^ d;
    let c1 = c ^ b ^ a1;
    let d1 = (d | a) ^ b;
    let t1 = a ^ c1;
    let d2 = (d1 | t1) ^ a1;
    let t2 = t1 ^ (a1 & d1);
    (c1, d2, d1 ^ d2 ^ t2, !t2)
}

/// The Serpent linear transform on four words of the state.
#[inline(always)]
fn lt(s: &mut [u32; 32], i: [usize; 4]) {
    let mut a = s[i[0]].rotate_left(13);
    let mut c = s[i[2]].rotate_left(3);
    let mut b = s[i[1]] ^ a ^ c;
    let mut d = s[i[3]] ^ c ^ (a << 3);
    b = b.rotate_left(1);
    d = d.rotate_left(7);
    a ^= b ^ d;
    c ^= d ^ (b << 7);
    s[i[0]] = a.rotate_left(5);
    s[i[1]] = b;
    s[i[2]] = c.rotate_left(22);
    s[i[3]] = d;
}

/// One round of the permutation with round counter `rc` and constants `alpha`.
#[inline(always)]
fn round(s: &mut [u32; 32], rc: u32, alpha: &[u32; 32]) {
    for (x, k) in s.iter_mut().zip(alpha) {
        *x ^= k;
    }
    s[1] ^= rc;
    for i in 0..8 {
        let (a, b, c, d) = sbox(s[i], s[i + 8], s[i + 16], s[i + 24]);
        s[i] = a;
        s[i + 8] = b;
        s[i + 16] = c;
        s[i + 24] = d;
    }
    for i in 0..8 {
        lt(s, [i, 8 + (i + 1) % 8, 16 + (i + 2) % 8, 24 + (i + 3) % 8]);
    }
    lt(s, [0, 2, 5, 7]);
    lt(s, [16, 19, 21, 22]);
    lt(s, [9, 11, 12, 14]);
    lt(s, [25, 26, 28, 31]);
}

/// Expands one block, permutes with `rounds` rounds of constants `alpha` and feeds forward.
#[inline(always)]
fn compress(h: &mut [u32; 16], block: &[u8; 8], rounds: u32, alpha: &[u32; 32]) {
    let mut m = [0u32; 16];
    for (u, &byte) in block.iter().enumerate() {
        let lo = &EXPAND[2 * u][usize::from(byte & 15)];
        let hi = &EXPAND[2 * u + 1][usize::from(byte >> 4)];
        for w in 0..16 {
            m[w] ^= lo[w] ^ hi[w];
        }
    }
    let mut s = [0u32; 32];
    for k in 0..16 {
        s[MSG_POS[k]] = m[k];
        s[CV_POS[k]] = h[k];
    }
    for rc in 0..rounds {
        round(&mut s, rc, alpha);
    }
    for k in 0..8 {
        h[k] ^= s[k];
        h[8 + k] ^= s[16 + k];
    }
}

/// Hamsi-512 of `data`.
pub(crate) fn hamsi512(data: &[u8]) -> [u8; 64] {
    let mut h = IV;
    let mut chunks = data.chunks_exact(8);
    for block in &mut chunks {
        let block: &[u8; 8] = block.try_into().expect("chunks_exact yields full blocks");
        compress(&mut h, block, 6, &ALPHA_N);
    }
    let rest = chunks.remainder();
    let mut last = [0u8; 8];
    last[..rest.len()].copy_from_slice(rest);
    last[rest.len()] = 0x80;
    compress(&mut h, &last, 6, &ALPHA_N);
    let bits = (data.len() as u64).wrapping_mul(8);
    compress(&mut h, &bits.to_be_bytes(), 12, &ALPHA_F);
    let mut out = [0u8; 64];
    for (i, x) in h.iter().enumerate() {
        out[4 * i..4 * i + 4].copy_from_slice(&x.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sbox_matches_specification_table() {
        const S: [u32; 16] = [8, 6, 7, 9, 3, 12, 10, 15, 13, 1, 14, 4, 0, 11, 5, 2];
        for x in 0..16u32 {
            let bit = |k: u32| if x >> k & 1 != 0 { u32::MAX } else { 0 };
            let (a, b, c, d) = sbox(bit(0), bit(1), bit(2), bit(3));
            let y = (a & 1) | (b & 1) << 1 | (c & 1) << 2 | (d & 1) << 3;
            assert_eq!(y, S[x as usize], "S({x})");
        }
    }

    #[test]
    fn sph_vectors() {
        super::super::sph_kat::check("hamsi512", super::hamsi512);
    }
}
