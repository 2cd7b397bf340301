// SPDX-License-Identifier: MIT
//! Asset names: validation and kind determination (`IsAssetNameValid` and its helpers in
//! `src/assets/assets.cpp`).
//!
//! The reference works on the bytes of the name with regular expressions; every test here is
//! written on bytes with the same meaning, so non-ASCII input behaves as it does there (it is
//! rejected wherever a character class applies).

use alloc::string::{String, ToString};

/// The longest name that is looked at at all (the reference's pre-check).
pub const MAX_NAME_PRECHECK_LENGTH: usize = 40;
/// The longest unique, message-channel, owner, vote, qualifier or restricted name.
pub const MAX_NAME_LENGTH: usize = 31;
/// The longest root or sub-asset name (one character is kept for the owner tag `!`).
pub const MAX_ROOT_NAME_LENGTH: usize = 30;
/// The longest message-channel tag.
pub const MAX_CHANNEL_NAME_LENGTH: usize = 12;
/// The shortest root name.
pub const MIN_ASSET_LENGTH: usize = 3;

/// The kind of an asset, determined by its name (`AssetType`, without the pseudo-kinds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AssetKind {
    /// `ABC`.
    Root,
    /// `ABC/X`.
    Sub,
    /// `ABC#tag`.
    Unique,
    /// `ABC~channel`.
    MsgChannel,
    /// `ABC!`.
    Owner,
    /// `ABC^tag` (name-valid only; nothing issues it).
    Vote,
    /// `#QUAL`.
    Qualifier,
    /// `#QUAL/#SUB`.
    SubQualifier,
    /// `$ABC`.
    Restricted,
}

impl AssetKind {
    /// Returns the reference's upper-case name of the kind (`ROOT`, `SUB`, `UNIQUE`,
    /// `MSGCHANNEL`, `OWNER`, `VOTE`, `QUALIFIER`, `SUB_QUALIFIER`, `RESTRICTED`).
    pub const fn as_str(self) -> &'static str {
        match self {
            AssetKind::Root => "ROOT",
            AssetKind::Sub => "SUB",
            AssetKind::Unique => "UNIQUE",
            AssetKind::MsgChannel => "MSGCHANNEL",
            AssetKind::Owner => "OWNER",
            AssetKind::Vote => "VOTE",
            AssetKind::Qualifier => "QUALIFIER",
            AssetKind::SubQualifier => "SUB_QUALIFIER",
            AssetKind::Restricted => "RESTRICTED",
        }
    }
}

impl core::fmt::Display for AssetKind {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The part of a name a rule applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NamePart {
    /// The root name (before any `/`, `#`, `~`, `^` or `!`).
    Root,
    /// A sub-name segment after `/`.
    SubName,
    /// The tag of a unique asset.
    UniqueTag,
    /// The tag of a message channel.
    ChannelTag,
    /// The tag of a vote.
    VoteTag,
    /// A qualifier name (`#…`).
    Qualifier,
    /// The sub-qualifier segment (`#…` after `/`).
    SubQualifier,
    /// A restricted name (`$…`).
    Restricted,
}

impl core::fmt::Display for NamePart {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            NamePart::Root => "root name",
            NamePart::SubName => "sub-name",
            NamePart::UniqueTag => "unique tag",
            NamePart::ChannelTag => "channel tag",
            NamePart::VoteTag => "vote tag",
            NamePart::Qualifier => "qualifier name",
            NamePart::SubQualifier => "sub-qualifier name",
            NamePart::Restricted => "restricted name",
        })
    }
}

/// Why a string is not a valid asset name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AssetNameError {
    /// The name is longer than the limit for its kind (or than the 40-byte pre-check).
    #[error("name is {len} bytes long, more than the {max} allowed")]
    TooLong {
        /// Length of the name in bytes.
        len: usize,
        /// The limit that applied.
        max: usize,
    },
    /// A message-channel tag is longer than 12 characters.
    #[error("channel tag is {len} characters long, more than the 12 allowed")]
    ChannelTagTooLong {
        /// Length of the tag.
        len: usize,
    },
    /// A part is shorter than its minimum (3 for roots, qualifiers and restricted names, 1
    /// otherwise).
    #[error("{part} is too short")]
    TooShort {
        /// The part.
        part: NamePart,
    },
    /// A part contains a character outside its alphabet.
    #[error("{part} contains an invalid character")]
    InvalidCharacter {
        /// The part.
        part: NamePart,
    },
    /// A part starts with `.` or `_`.
    #[error("{part} starts with punctuation")]
    LeadingPunctuation {
        /// The part.
        part: NamePart,
    },
    /// A part ends with `.` or `_`.
    #[error("{part} ends with punctuation")]
    TrailingPunctuation {
        /// The part.
        part: NamePart,
    },
    /// A part contains two punctuation characters in a row.
    #[error("{part} contains consecutive punctuation")]
    DoublePunctuation {
        /// The part.
        part: NamePart,
    },
    /// The root or qualifier is a reserved name (`RVN`, `AIPG`, …).
    #[error("reserved name")]
    Reserved,
}

/// A valid asset name together with its kind.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AssetName {
    name: String,
    kind: AssetKind,
}

impl AssetName {
    /// Validates `name` and determines its kind.
    ///
    /// # Errors
    /// [`AssetNameError`] naming the first rule the name breaks.
    pub fn new(name: &str) -> Result<Self, AssetNameError> {
        let kind = asset_kind(name)?;
        Ok(AssetName { name: name.to_string(), kind })
    }

    /// Returns the name.
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.name
    }

    /// Returns the kind.
    #[inline]
    pub const fn kind(&self) -> AssetKind {
        self.kind
    }

    /// Returns the parent name (`GetParentName`): the text before the last `/` (sub,
    /// sub-qualifier), `#` (unique), `~` (message channel) or `^` (vote); the name itself for
    /// roots, qualifiers and restricted names; the name itself for owner tokens, as in the
    /// reference.
    pub fn parent(&self) -> &str {
        let sep = match self.kind {
            AssetKind::Sub | AssetKind::SubQualifier => b'/',
            AssetKind::Unique => b'#',
            AssetKind::MsgChannel => b'~',
            AssetKind::Vote => b'^',
            _ => return &self.name,
        };
        match self.name.bytes().rposition(|b| b == sep) {
            Some(i) => self.name.get(..i).unwrap_or(&self.name),
            None => &self.name,
        }
    }

    /// Returns the owner-token name of a root or sub-asset (`NAME!`), or for a restricted asset
    /// `$X` the owner token of its root, `X!`; `None` for other kinds.
    pub fn owner_name(&self) -> Option<String> {
        let base = match self.kind {
            AssetKind::Root | AssetKind::Sub => self.name.as_str(),
            AssetKind::Restricted => self.name.get(1..)?,
            _ => return None,
        };
        let mut s = String::with_capacity(base.len() + 1);
        s.push_str(base);
        s.push('!');
        Some(s)
    }
}

impl core::fmt::Display for AssetName {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.name)
    }
}

impl core::str::FromStr for AssetName {
    type Err = AssetNameError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AssetName::new(s)
    }
}

impl AsRef<str> for AssetName {
    fn as_ref(&self) -> &str {
        &self.name
    }
}

/// Returns true when `name` is a valid owner-token name (`IsAssetNameAnOwner`).
pub fn is_owner_name(name: &str) -> bool {
    asset_kind(name) == Ok(AssetKind::Owner)
}

/// Validates `name` and returns its kind (`IsAssetNameValid`), following the reference's order:
/// unique, message channel, owner, vote, qualifier, sub-qualifier, restricted, then sub or root.
/// A name that matches a kind's shape but fails that kind's rules is invalid.
///
/// # Errors
/// [`AssetNameError`] naming the first rule the name breaks.
pub fn asset_kind(name: &str) -> Result<AssetKind, AssetNameError> {
    let b = name.as_bytes();
    let len = b.len();
    if len > MAX_NAME_PRECHECK_LENGTH {
        return Err(AssetNameError::TooLong { len, max: MAX_NAME_PRECHECK_LENGTH });
    }
    let check_len = |max: usize| {
        if len > max { Err(AssetNameError::TooLong { len, max }) } else { Ok(()) }
    };
    if let Some((prefix, tag)) = tagged(b, b'#') {
        check_len(MAX_NAME_LENGTH)?;
        check_before_tag(prefix)?;
        check_charset(tag, NamePart::UniqueTag, is_unique_tag_char)?;
        return Ok(AssetKind::Unique);
    }
    if let Some((prefix, tag)) = tagged(b, b'~') {
        check_len(MAX_NAME_LENGTH)?;
        if tag.len() > MAX_CHANNEL_NAME_LENGTH {
            return Err(AssetNameError::ChannelTagTooLong { len: tag.len() });
        }
        check_before_tag(prefix)?;
        check_charset(tag, NamePart::ChannelTag, |c| c.is_ascii_alphanumeric() || c == b'_')?;
        check_punctuation(tag, NamePart::ChannelTag, true)?;
        return Ok(AssetKind::MsgChannel);
    }
    if let Some(prefix) = owner_prefix(b) {
        check_len(MAX_NAME_LENGTH)?;
        check_before_tag(prefix)?;
        return Ok(AssetKind::Owner);
    }
    if let Some((prefix, tag)) = tagged(b, b'^') {
        check_len(MAX_NAME_LENGTH)?;
        check_before_tag(prefix)?;
        // The vote tag may itself contain `^`; the reference checks the text after the last one.
        let last = tag
            .iter()
            .rposition(|&c| c == b'^')
            .map_or(tag, |i| tag.get(i + 1..).unwrap_or_default());
        check_charset(last, NamePart::VoteTag, is_name_char)?;
        return Ok(AssetKind::Vote);
    }
    if let [b'#', rest @ ..] = b {
        if rest.len() >= 3 && rest.iter().all(|&c| is_name_char(c)) {
            check_len(MAX_NAME_LENGTH)?;
            check_qualifier(b)?;
            return Ok(AssetKind::Qualifier);
        }
        if let Some(slash) = rest.iter().position(|&c| c == b'/') {
            let (q, sub) = rest.split_at(slash);
            if let [b'/', b'#', s @ ..] = sub {
                if !q.is_empty()
                    && q.iter().all(|&c| is_name_char(c))
                    && !s.is_empty()
                    && s.iter().all(|&c| is_name_char(c))
                {
                    check_len(MAX_NAME_LENGTH)?;
                    check_qualifier(b.get(..=slash).unwrap_or_default())?;
                    let sub = sub.get(1..).unwrap_or_default();
                    // The leading-punctuation test sees the `#`, so it never fails here.
                    check_punctuation(
                        sub.get(1..).unwrap_or_default(),
                        NamePart::SubQualifier,
                        false,
                    )?;
                    return Ok(AssetKind::SubQualifier);
                }
            }
        }
    }
    if let [b'$', rest @ ..] = b {
        if rest.len() >= 3 && rest.iter().all(|&c| is_name_char(c)) {
            check_len(MAX_NAME_LENGTH)?;
            // The leading-punctuation test sees the `$`, so it never fails here.
            check_punctuation(rest, NamePart::Restricted, false)?;
            return Ok(AssetKind::Restricted);
        }
    }
    check_len(MAX_ROOT_NAME_LENGTH)?;
    let is_sub = {
        let mut parts = b.split(|&c| c == b'/');
        let root = parts.next().unwrap_or_default();
        check_root(root).is_ok() && parts.next().is_some()
    };
    if !is_sub && len < MIN_ASSET_LENGTH {
        return Err(AssetNameError::TooShort { part: NamePart::Root });
    }
    check_before_tag(b)?;
    Ok(if is_sub { AssetKind::Sub } else { AssetKind::Root })
}

/// Characters of root names, sub-names, vote tags, qualifiers and restricted names.
const fn is_name_char(c: u8) -> bool {
    c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'.' || c == b'_'
}

const fn is_unique_tag_char(c: u8) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            b'-' | b'@'
                | b'$'
                | b'%'
                | b'&'
                | b'*'
                | b'('
                | b')'
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'_'
                | b'.'
                | b'?'
                | b':'
        )
}

const fn is_punct(c: u8) -> bool {
    c == b'.' || c == b'_'
}

/// Characters that may not appear before a tag delimiter (`[^^~#!]`).
const fn is_bare(c: u8) -> bool {
    !matches!(c, b'^' | b'~' | b'#' | b'!')
}

/// Matches `^[^^~#!]+<delim>[^~#!/]+$` and returns the text before and after the first delimiter.
fn tagged(b: &[u8], delim: u8) -> Option<(&[u8], &[u8])> {
    let i = b.iter().position(|&c| !is_bare(c))?;
    if i == 0 || b.get(i) != Some(&delim) {
        return None;
    }
    let (prefix, rest) = b.split_at(i);
    let tag = rest.get(1..)?;
    (!tag.is_empty() && tag.iter().all(|&c| !matches!(c, b'~' | b'#' | b'!' | b'/')))
        .then_some((prefix, tag))
}

/// Matches `^[^^~#!]+!$` and returns the text before the `!`.
fn owner_prefix(b: &[u8]) -> Option<&[u8]> {
    let (&last, prefix) = b.split_last()?;
    (last == b'!' && !prefix.is_empty() && prefix.iter().all(|&c| is_bare(c))).then_some(prefix)
}

fn check_charset(s: &[u8], part: NamePart, ok: impl Fn(u8) -> bool) -> Result<(), AssetNameError> {
    if s.is_empty() {
        return Err(AssetNameError::TooShort { part });
    }
    if !s.iter().all(|&c| ok(c)) {
        return Err(AssetNameError::InvalidCharacter { part });
    }
    Ok(())
}

fn check_punctuation(s: &[u8], part: NamePart, leading: bool) -> Result<(), AssetNameError> {
    if s.windows(2).any(|w| matches!(w, [a, b] if is_punct(*a) && is_punct(*b))) {
        return Err(AssetNameError::DoublePunctuation { part });
    }
    if leading && s.first().is_some_and(|&c| is_punct(c)) {
        return Err(AssetNameError::LeadingPunctuation { part });
    }
    if s.last().is_some_and(|&c| is_punct(c)) {
        return Err(AssetNameError::TrailingPunctuation { part });
    }
    Ok(())
}

fn is_reserved(s: &[u8]) -> bool {
    matches!(
        s,
        b"RVN"
            | b"RAVEN"
            | b"RAVENCOIN"
            | b"#RVN"
            | b"#RAVEN"
            | b"#RAVENCOIN"
            | b"aipg"
            | b"AIPG"
            | b"AIPGCOIN"
            | b"#aipg"
            | b"#AIPG"
            | b"#AIPGCOIN"
    )
}

/// `IsRootNameValid`.
fn check_root(s: &[u8]) -> Result<(), AssetNameError> {
    let part = NamePart::Root;
    check_charset(s, part, is_name_char)?;
    if s.len() < MIN_ASSET_LENGTH {
        return Err(AssetNameError::TooShort { part });
    }
    check_punctuation(s, part, true)?;
    if is_reserved(s) {
        return Err(AssetNameError::Reserved);
    }
    Ok(())
}

/// `IsNameValidBeforeTag`: a valid root followed by any number of valid `/sub` segments.
fn check_before_tag(s: &[u8]) -> Result<(), AssetNameError> {
    let mut parts = s.split(|&c| c == b'/');
    check_root(parts.next().unwrap_or_default())?;
    for sub in parts {
        check_charset(sub, NamePart::SubName, is_name_char)?;
        check_punctuation(sub, NamePart::SubName, true)?;
    }
    Ok(())
}

/// `IsQualifierNameValid` on `#NAME` (no length limit, as in the reference).
pub(super) fn check_qualifier(s: &[u8]) -> Result<(), AssetNameError> {
    let part = NamePart::Qualifier;
    let body = match s {
        [b'#', body @ ..] => body,
        _ => return Err(AssetNameError::InvalidCharacter { part }),
    };
    check_charset(body, part, is_name_char)?;
    if body.len() < 3 {
        return Err(AssetNameError::TooShort { part });
    }
    check_punctuation(body, part, true)?;
    if is_reserved(s) {
        return Err(AssetNameError::Reserved);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_parents() {
        for (name, kind, parent) in [
            ("ABC", AssetKind::Root, "ABC"),
            ("ABC/X/Y", AssetKind::Sub, "ABC/X"),
            ("ABC#tag", AssetKind::Unique, "ABC"),
            ("ABC/X#t.a.g", AssetKind::Unique, "ABC/X"),
            ("ABC~chan", AssetKind::MsgChannel, "ABC"),
            ("ABC!", AssetKind::Owner, "ABC!"),
            ("ABC^VOTE", AssetKind::Vote, "ABC"),
            ("ABC^X^Y", AssetKind::Vote, "ABC^X"),
            ("#KYC", AssetKind::Qualifier, "#KYC"),
            ("#KYC/#SUB", AssetKind::SubQualifier, "#KYC"),
            ("#ABC/#.X", AssetKind::SubQualifier, "#ABC"),
            ("$TOKEN", AssetKind::Restricted, "$TOKEN"),
            ("$.ABC", AssetKind::Restricted, "$.ABC"),
            ("$AIPG", AssetKind::Restricted, "$AIPG"),
        ] {
            let n = AssetName::new(name).unwrap();
            assert_eq!(n.kind(), kind, "{name}");
            assert_eq!(n.parent(), parent, "{name}");
        }
        assert_eq!(AssetName::new("$ABC").unwrap().owner_name().as_deref(), Some("ABC!"));
        assert_eq!(AssetName::new("ABC/X").unwrap().owner_name().as_deref(), Some("ABC/X!"));
    }

    #[test]
    fn errors() {
        assert_eq!(asset_kind("AIPG"), Err(AssetNameError::Reserved));
        assert_eq!(asset_kind("#AIPG"), Err(AssetNameError::Reserved));
        assert_eq!(asset_kind("AB"), Err(AssetNameError::TooShort { part: NamePart::Root }));
        assert_eq!(
            asset_kind("A..B"),
            Err(AssetNameError::DoublePunctuation { part: NamePart::Root })
        );
        assert_eq!(
            asset_kind("ABC~123456789ABCD"),
            Err(AssetNameError::ChannelTagTooLong { len: 13 })
        );
        assert_eq!(
            asset_kind("#A/#B/#C"),
            Err(AssetNameError::InvalidCharacter { part: NamePart::Root })
        );
        assert!(asset_kind("ABC!COIN").is_err());
        assert!(matches!(
            asset_kind(&"A".repeat(41)),
            Err(AssetNameError::TooLong { max: 40, .. })
        ));
        assert!(!is_owner_name("ABC"));
        assert!(is_owner_name("ABC/A/1!"));
    }
}
