use std::borrow::Cow;
use std::cmp::min;
use std::sync::OnceLock;
use snowball::Among;

// repwatch: the calls the stemmers spend their time in are faster here, with the same
// results (see PATCHED.md). `find_among` and `find_among_b` find the entry that the
// original binary search ends on from an index of each table by its entries' first (or
// last) byte; the grouping tests look at an ASCII character without decoding it and
// decode any other from its bytes; `eq_s_b` compares bytes without a call; `replace_s`
// edits the word in place. Each original is kept below as `..._reference` (for the
// searches, the original binary search) and, in debug builds, every call is checked
// against it: same answer, same cursor, same word. A state the fast versions do not
// expect (a cursor past the end of the word or inside a character, a table not sorted),
// which the stemmers never make, is handed to the original, so that even that behaves
// as it did.

#[derive(Debug, Clone)]
pub struct SnowballEnv<'a> {
    pub current: Cow<'a, str>,
    pub cursor: usize,
    pub limit: usize,
    pub limit_backward: usize,
    pub bra: usize,
    pub ket: usize,
}

/// The character starting at byte `pos` of `s` (valid UTF-8) and its length in bytes;
/// None past the end and inside a character.
#[inline]
fn char_at(s: &[u8], pos: usize) -> Option<(u32, usize)> {
    let b0 = *s.get(pos)? as u32;
    if b0 < 0x80 {
        return Some((b0, 1));
    }
    let cont = |i: usize| s.get(pos + i).map(|&b| (b & 0x3F) as u32);
    if b0 >= 0xF0 {
        Some(((b0 & 0x07) << 18 | cont(1)? << 12 | cont(2)? << 6 | cont(3)?, 4))
    } else if b0 >= 0xE0 {
        Some(((b0 & 0x0F) << 12 | cont(1)? << 6 | cont(2)?, 3))
    } else if b0 >= 0xC0 {
        Some(((b0 & 0x1F) << 6 | cont(1)?, 2))
    } else {
        None
    }
}

/// The start of the character that ends before byte `end` of `s` (valid UTF-8, `end` > 0),
/// found as `previous_char` finds it, that character and its length in bytes; None when
/// `end` is past the end of `s`.
#[inline]
fn char_before(s: &[u8], end: usize) -> Option<(usize, u32, usize)> {
    if end > s.len() {
        return None;
    }
    let mut start = end - 1;
    while start > 0 && (s[start] as i8) < -0x40 {
        start -= 1;
    }
    let (ch, width) = char_at(s, start)?;
    Some((start, ch, width))
}

/// Whether the grouping `chars` (a bit per code point from `min` to `max`) has `ch`.
#[inline(always)]
fn in_group(chars: &[u8], min: u32, max: u32, ch: u32) -> bool {
    if ch > max || ch < min {
        return false;
    }
    let ch = ch - min;
    (chars[(ch >> 3) as usize] & (0x1 << (ch & 0x7))) != 0
}

/// In a table's entries `lo..hi`, which all share their first compared byte with `word`
/// (sorted, a prefix first), how many sort before or as `word`, counted from the start of
/// the table, and how many bytes the last of those has in common with `word` (0 when it
/// is before the group: an entry that is empty or starts with a smaller byte). A binary
/// search that starts each comparison after the bytes that the entries on either side
/// share with the word, which the entries between share too. The entries are compared
/// from their start (`find_among`), or with `BACKWARD` from their end (`find_among_b`).
#[inline(always)]
fn search_group<T, const BACKWARD: bool>(amongs: &[Among<T>], lo: usize, hi: usize, word: &[u8]) -> (usize, usize) {
    let (mut a, mut b) = (lo, hi);
    // The group shares one byte with a word, none with the empty word (its group is the
    // empty entries).
    let shared = min(word.len(), 1);
    let (mut common_a, mut common_b) = (shared, shared);
    while a < b {
        let m = a + (b - a) / 2;
        let key = amongs[m].0.as_bytes();
        let mut common = min(common_a, common_b);
        let before_or_same = loop {
            if common >= key.len() {
                break true;
            }
            if common >= word.len() {
                break false;
            }
            let (k, w) = if BACKWARD {
                (key[key.len() - 1 - common], word[word.len() - 1 - common])
            } else {
                (key[common], word[common])
            };
            if k != w {
                break k < w;
            }
            common += 1;
        };
        if before_or_same {
            a = m + 1;
            common_a = common;
        } else {
            b = m;
            common_b = common;
        }
    }
    (a, if a > lo { common_a } else { 0 })
}

/// Where a table's entries start for each value of the byte compared first (the first
/// byte for `find_among`, the last for `find_among_b`), built on the table's first use.
///
/// The tables are sorted (as bytes, from the end for `find_among_b`), so the original's
/// binary search ends on the last entry that sorts before or as the word (a prefix sorting
/// first), or on entry 0 with nothing matched when there is none, and that entry is found
/// by searching only the entries whose first compared byte is the word's.
struct AmongIndex {
    /// The table's address and length, and whether it is searched from the end.
    table: (usize, usize, bool),
    /// `starts[f]`: how many entries have a first compared byte below `f - 1` (`f` = 0 for
    /// an empty entry, the byte + 1 otherwise), for `f` in 0..=257; None when the table is
    /// not sorted as the search needs.
    starts: Option<Box<[u16; 258]>>,
}

/// The tables' indexes, found by address (open addressing; the stemmers have 249 tables).
const AMONG_INDEX_SLOTS: usize = 1024;
static AMONG_INDEXES: [OnceLock<AmongIndex>; AMONG_INDEX_SLOTS] = [const { OnceLock::new() }; AMONG_INDEX_SLOTS];

impl AmongIndex {
    /// The index of a table if it has been built (None also when the table is not sorted
    /// as the search needs, so that the original's search is used). Tables are `'static`,
    /// so an address is never another table's later.
    #[inline(always)]
    fn get<T>(amongs: &'static [Among<T>], backward: bool) -> Option<&'static [u16; 258]> {
        let table = (amongs.as_ptr() as usize, amongs.len(), backward);
        let first = (table.0 >> 3).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - 10);
        for slot in first..first + AMONG_INDEX_SLOTS {
            match AMONG_INDEXES[slot % AMONG_INDEX_SLOTS].get() {
                Some(index) if index.table == table => return index.starts.as_deref(),
                Some(_) => continue,
                None => return None,
            }
        }
        None
    }

    /// The index of a table, built on its first use.
    fn of<T>(amongs: &'static [Among<T>], backward: bool) -> Option<&'static [u16; 258]> {
        let table = (amongs.as_ptr() as usize, amongs.len(), backward);
        let first = (table.0 >> 3).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - 10);
        for slot in first..first + AMONG_INDEX_SLOTS {
            match AMONG_INDEXES[slot % AMONG_INDEX_SLOTS].get() {
                Some(index) if index.table == table => return index.starts.as_deref(),
                Some(_) => continue,
                None => return AmongIndex::add(amongs, backward, slot),
            }
        }
        None
    }

    /// Builds the index of a table not seen yet and puts it in the first free slot from
    /// `slot` (another thread may be doing the same).
    fn add<T>(amongs: &'static [Among<T>], backward: bool, slot: usize) -> Option<&'static [u16; 258]> {
        let table = (amongs.as_ptr() as usize, amongs.len(), backward);
        for slot in slot..slot + AMONG_INDEX_SLOTS {
            let index = AMONG_INDEXES[slot % AMONG_INDEX_SLOTS].get_or_init(|| AmongIndex::new(amongs, backward));
            if index.table == table {
                return index.starts.as_deref();
            }
        }
        None
    }

    fn new<T>(amongs: &[Among<T>], backward: bool) -> AmongIndex {
        let first = |w: &Among<T>| {
            let key = w.0.as_bytes();
            let byte = if backward { key.last() } else { key.first() };
            byte.map_or(0, |&b| b as usize + 1)
        };
        let sorted = amongs.windows(2).all(|w| {
            let (a, b) = (w[0].0.as_bytes(), w[1].0.as_bytes());
            if backward { a.iter().rev().lt(b.iter().rev()) } else { a < b }
        });
        let table = (amongs.as_ptr() as usize, amongs.len(), backward);
        if !sorted || amongs.len() > u16::MAX as usize {
            return AmongIndex { table, starts: None };
        }
        let mut starts = Box::new([0u16; 258]);
        for w in amongs {
            for start in &mut starts[first(w) + 1..] {
                *start += 1;
            }
        }
        AmongIndex { table, starts: Some(starts) }
    }

    /// The entries whose first compared byte is `byte` (for no byte, the empty entries):
    /// those before sort before any word starting (or ending) with it, those after, after.
    #[inline]
    fn group(starts: &[u16; 258], byte: Option<&u8>) -> (usize, usize) {
        let f = byte.map_or(0, |&b| b as usize + 1);
        (starts[f] as usize, starts[f + 1] as usize)
    }
}

impl<'a> SnowballEnv<'a> {
    pub fn create(value: &'a str) -> Self {
        let len = value.len();
        SnowballEnv {
            current: Cow::from(value),
            cursor: 0,
            limit: len,
            limit_backward: 0,
            bra: 0,
            ket: len,
        }
    }

    pub fn get_current(self) -> Cow<'a, str> {
        self.current
    }

    /// Everything a call may change, to compare with the original's in debug builds.
    #[cfg(debug_assertions)]
    fn state(&self) -> (&str, usize, usize, usize, usize, usize) {
        (&self.current, self.cursor, self.limit, self.limit_backward, self.bra, self.ket)
    }

    /// `fast`, and in debug builds `reference` too from the same cursor: both must give the
    /// same answer and leave the cursor at the same place (neither changes anything else).
    #[inline(always)]
    fn checked<F, R>(&mut self, fast: F, reference: R) -> bool
        where F: FnOnce(&mut Self) -> bool, R: FnOnce(&mut Self) -> bool
    {
        #[cfg(debug_assertions)]
        let before = self.cursor;
        let result = fast(self);
        #[cfg(debug_assertions)]
        {
            let after = self.cursor;
            self.cursor = before;
            let expected = reference(self);
            debug_assert_eq!((result, after), (expected, self.cursor), "at {} in {:?}", before, self.current);
        }
        #[cfg(not(debug_assertions))]
        let _ = reference;
        result
    }

    /// Replace the bytes from `bra` to `ket` with `s`, in place (the first edit copies the
    /// borrowed word); the limit and cursor move as in the original.
    fn replace_s(&mut self, bra: usize, ket: usize, s: &str) -> i32 {
        if bra > ket {
            // The original copies the bytes between them twice; no stemmer does this.
            return self.replace_s_reference(bra, ket, s);
        }
        #[cfg(debug_assertions)]
        let expected = {
            let mut env = self.clone();
            let adjustment = env.replace_s_reference(bra, ket, s);
            (env, adjustment)
        };
        let adjustment = s.len() as i32 - (ket as i32 - bra as i32);
        self.current.to_mut().replace_range(bra..ket, s);
        let new_lim = self.limit as i32 + adjustment;
        self.limit = new_lim as usize;
        if self.cursor >= ket {
            let new_cur = self.cursor as i32 + adjustment;
            self.cursor = new_cur as usize;
        } else if self.cursor > bra {
            self.cursor = bra
        }
        #[cfg(debug_assertions)]
        debug_assert_eq!((self.state(), adjustment), (expected.0.state(), expected.1), "replace_s({}, {}, {:?})", bra, ket, s);
        adjustment
    }

    /// The original `replace_s`: the word rebuilt in a new string.
    #[inline(never)]
    fn replace_s_reference(&mut self, bra: usize, ket: usize, s: &str) -> i32 {
        let adjustment = s.len() as i32 - (ket as i32 - bra as i32);
        let mut result = String::with_capacity(self.current.len());
        {
            let (lhs, _) = self.current.split_at(bra);
            let (_, rhs) = self.current.split_at(ket);
            result.push_str(lhs);
            result.push_str(s);
            result.push_str(rhs);
        }
        // ... not very nice...
        let new_lim = self.limit as i32 + adjustment;
        self.limit = new_lim as usize;
        if self.cursor >= ket {
            let new_cur = self.cursor as i32 + adjustment;
            self.cursor = new_cur as usize;
        } else if self.cursor > bra {
            self.cursor = bra
        }
        self.current = Cow::from(result);
        adjustment
    }

    /// Check if s is after cursor.
    /// If so, move cursor to the end of s
    pub fn eq_s(&mut self, s: &str) -> bool {
        if self.cursor >= self.limit {
            return false;
        }
        if self.current[self.cursor..].starts_with(s) {
            self.cursor += s.len();
            while !self.current.is_char_boundary(self.cursor) {
                self.cursor += 1;
            }
            true
        } else {
            false
        }
    }

    /// Check if 's' is before cursor
    /// If so, move cursor to the beginning of s
    pub fn eq_s_b(&mut self, s: &str) -> bool {
        self.checked(|env| env.eq_s_b_fast(s), |env| env.eq_s_b_reference(s))
    }

    /// `eq_s_b` comparing the bytes before the cursor with `s`, byte by byte (`s` is short).
    #[inline]
    fn eq_s_b_fast(&mut self, s: &str) -> bool {
        if (self.cursor as i32 - self.limit_backward as i32) < s.len() as i32 {
            return false;
        }
        let start = self.cursor - s.len();
        let Some(before) = self.current.as_bytes().get(start..self.cursor) else {
            return false;
        };
        if !before.iter().zip(s.as_bytes()).all(|(a, b)| a == b) {
            return false;
        }
        // The original also wants `start` on a character boundary; when `s` is not empty,
        // it is, since `s` starts with one.
        if s.is_empty() && !self.current.is_char_boundary(start) {
            return false;
        }
        self.cursor = start;
        true
    }

    #[inline(never)]
    fn eq_s_b_reference(&mut self, s: &str) -> bool {
        if (self.cursor as i32 - self.limit_backward as i32) < s.len() as i32 {
            false
            // Check if cursor -s.len is a char boundry. if not well... return false obv
        } else if !self.current.is_char_boundary(self.cursor - s.len()) ||
                  !self.current[self.cursor - s.len()..].starts_with(s) {
            false
        } else {
            self.cursor -= s.len();
            true
        }
    }

    /// Replace string between `bra` and `ket` with s
    pub fn slice_from(&mut self, s: &str) -> bool {
        let (bra, ket) = (self.bra, self.ket);
        self.replace_s(bra, ket, s);
        true
    }

    /// Move cursor to next charater
    pub fn next_char(&mut self) {
        self.cursor += 1;
        while !self.current.is_char_boundary(self.cursor) {
            self.cursor += 1;
        }
    }

    /// Move cursor to previous character
    pub fn previous_char(&mut self) {
        self.cursor -= 1;
        while !self.current.is_char_boundary(self.cursor) {
            self.cursor -= 1;
        }
    }

    pub fn byte_index_for_hop(&self, mut delta: i32) -> i32 {
        if delta > 0 {
            let mut res = self.cursor;
            while delta > 0 {
                res += 1;
                delta -= 1;
                while res <= self.current.len() && !self.current.is_char_boundary(res) {
                    res += 1;
                }
            }
            return res as i32;
        } else if delta < 0 {
            let mut res: i32 = self.cursor as i32;
            while delta < 0 {
                res -= 1;
                delta += 1;
                while res >= 0 && !self.current.is_char_boundary(res as usize) {
                    res -= 1;
                }
            }
            return res as i32;
        } else {
            return self.cursor as i32;
        }
    }

    // A grouping is represented by a minimum code point, a maximum code point,
    // and a bitfield of which code points in that range are in the grouping.
    // For example, in english.sbl, valid_LI is 'cdeghkmnrt'.
    // The minimum and maximum code points are 99 and 116,
    // so every time one of these grouping functions is called for g_valid_LI,
    // min must be 99 and max must be 116. There are 18 code points within that
    // range (inclusive) so the grouping is represented with 18 bits, plus 6 bits of padding:
    //
    // cdefghij klmnopqr st
    // 11101100 10110001 01000000
    //
    // The first bit is the least significant.
    // Those three bytes become &[0b00110111, 0b10001101, 0b00000010],
    // which is &[55, 141, 2], which is how g_valid_LI is defined in english.rs.
    /// Check if the char the cursor points to is in the grouping
    pub fn in_grouping(&mut self, chars: &[u8], min: u32, max: u32) -> bool {
        self.checked(|env| env.in_grouping_fast(chars, min, max), |env| env.in_grouping_reference(chars, min, max))
    }

    pub fn in_grouping_b(&mut self, chars: &[u8], min: u32, max: u32) -> bool {
        self.checked(|env| env.in_grouping_b_fast(chars, min, max), |env| env.in_grouping_b_reference(chars, min, max))
    }

    pub fn out_grouping(&mut self, chars: &[u8], min: u32, max: u32) -> bool {
        self.checked(|env| env.out_grouping_fast(chars, min, max), |env| env.out_grouping_reference(chars, min, max))
    }

    pub fn out_grouping_b(&mut self, chars: &[u8], min: u32, max: u32) -> bool {
        self.checked(|env| env.out_grouping_b_fast(chars, min, max), |env| env.out_grouping_b_reference(chars, min, max))
    }

    // The grouping tests: an ASCII character is tested here; any other, and any state the
    // original would not expect, in the `_slow` functions, kept out of line so that this
    // path needs no registers saved.

    #[inline(always)]
    fn in_grouping_fast(&mut self, chars: &[u8], min: u32, max: u32) -> bool {
        if self.cursor >= self.limit {
            return false;
        }
        match self.current.as_bytes().get(self.cursor) {
            Some(&b) if b < 0x80 => {
                if !in_group(chars, min, max, b as u32) {
                    return false;
                }
                self.cursor += 1;
                true
            }
            _ => self.in_grouping_slow(chars, min, max),
        }
    }

    #[inline(never)]
    fn in_grouping_slow(&mut self, chars: &[u8], min: u32, max: u32) -> bool {
        let Some((ch, width)) = char_at(self.current.as_bytes(), self.cursor) else {
            return self.in_grouping_reference(chars, min, max);
        };
        if !in_group(chars, min, max, ch) {
            return false;
        }
        self.cursor += width;
        true
    }

    #[inline(always)]
    fn in_grouping_b_fast(&mut self, chars: &[u8], min: u32, max: u32) -> bool {
        if self.cursor <= self.limit_backward {
            return false;
        }
        match self.current.as_bytes().get(self.cursor - 1) {
            Some(&b) if b < 0x80 => {
                // The original steps back over the character and, unless it is in the
                // grouping, forward again.
                if !in_group(chars, min, max, b as u32) {
                    return false;
                }
                self.cursor -= 1;
                true
            }
            _ => self.in_grouping_b_slow(chars, min, max),
        }
    }

    #[inline(never)]
    fn in_grouping_b_slow(&mut self, chars: &[u8], min: u32, max: u32) -> bool {
        let Some((start, ch, width)) = char_before(self.current.as_bytes(), self.cursor) else {
            return self.in_grouping_b_reference(chars, min, max);
        };
        if !in_group(chars, min, max, ch) {
            self.cursor = start + width;
            return false;
        }
        self.cursor = start;
        true
    }

    #[inline(always)]
    fn out_grouping_fast(&mut self, chars: &[u8], min: u32, max: u32) -> bool {
        if self.cursor >= self.limit {
            return false;
        }
        match self.current.as_bytes().get(self.cursor) {
            Some(&b) if b < 0x80 => {
                if in_group(chars, min, max, b as u32) {
                    return false;
                }
                self.cursor += 1;
                true
            }
            _ => self.out_grouping_slow(chars, min, max),
        }
    }

    #[inline(never)]
    fn out_grouping_slow(&mut self, chars: &[u8], min: u32, max: u32) -> bool {
        let Some((ch, width)) = char_at(self.current.as_bytes(), self.cursor) else {
            return self.out_grouping_reference(chars, min, max);
        };
        if in_group(chars, min, max, ch) {
            return false;
        }
        self.cursor += width;
        true
    }

    #[inline(always)]
    fn out_grouping_b_fast(&mut self, chars: &[u8], min: u32, max: u32) -> bool {
        if self.cursor <= self.limit_backward {
            return false;
        }
        match self.current.as_bytes().get(self.cursor - 1) {
            Some(&b) if b < 0x80 => {
                if in_group(chars, min, max, b as u32) {
                    return false;
                }
                self.cursor -= 1;
                true
            }
            _ => self.out_grouping_b_slow(chars, min, max),
        }
    }

    #[inline(never)]
    fn out_grouping_b_slow(&mut self, chars: &[u8], min: u32, max: u32) -> bool {
        let Some((start, ch, width)) = char_before(self.current.as_bytes(), self.cursor) else {
            return self.out_grouping_b_reference(chars, min, max);
        };
        if in_group(chars, min, max, ch) {
            self.cursor = start + width;
            return false;
        }
        self.cursor = start;
        true
    }

    #[inline(never)]
    fn in_grouping_reference(&mut self, chars: &[u8], min: u32, max: u32) -> bool {
        if self.cursor >= self.limit {
            return false;
        }
        if let Some(chr) = self.current[self.cursor..].chars().next() {
            let mut ch = chr as u32; //codepoint as integer
            if ch > max || ch < min {
                return false;
            }
            ch -= min;
            if (chars[(ch >> 3) as usize] & (0x1 << (ch & 0x7))) == 0 {
                return false;
            }
            self.next_char();
            return true;
        }
        return false;
    }

    #[inline(never)]
    fn in_grouping_b_reference(&mut self, chars: &[u8], min: u32, max: u32) -> bool {
        if self.cursor <= self.limit_backward {
            return false;
        }
        self.previous_char();
        if let Some(chr) = self.current[self.cursor..].chars().next() {
            let mut ch = chr as u32; //codepoint as integer
            self.next_char();
            if ch > max || ch < min {
                return false;
            }
            ch -= min;
            if (chars[(ch >> 3) as usize] & (0x1 << (ch & 0x7))) == 0 {
                return false;
            }
            self.previous_char();
            return true;
        }
        return false;
    }

    #[inline(never)]
    fn out_grouping_reference(&mut self, chars: &[u8], min: u32, max: u32) -> bool {
        if self.cursor >= self.limit {
            return false;
        }
        if let Some(chr) = self.current[self.cursor..].chars().next() {
            let mut ch = chr as u32; //codepoint as integer
            if ch > max || ch < min {
                self.next_char();
                return true;
            }
            ch -= min;
            if (chars[(ch >> 3) as usize] & (0x1 << (ch & 0x7))) == 0 {
                self.next_char();
                return true;
            }
        }
        return false;
    }

    #[inline(never)]
    fn out_grouping_b_reference(&mut self, chars: &[u8], min: u32, max: u32) -> bool {
        if self.cursor <= self.limit_backward {
            return false;
        }
        self.previous_char();
        if let Some(chr) = self.current[self.cursor..].chars().next() {
            let mut ch = chr as u32; //codepoint as integer
            self.next_char();
            if ch > max || ch < min {
                self.previous_char();
                return true;
            }
            ch -= min;
            if (chars[(ch >> 3) as usize] & (0x1 << (ch & 0x7))) == 0 {
                self.previous_char();
                return true;
            }
        }
        return false;

    }


    /// Helper function that removes the string slice between `bra` and `ket`
    pub fn slice_del(&mut self) -> bool {
        self.slice_from("")
    }

    pub fn insert(&mut self, bra: usize, ket: usize, s: &str) {
        let adjustment = self.replace_s(bra, ket, s);
        if bra <= self.bra {
            self.bra = (self.bra as i32 + adjustment) as usize;
        }
        if bra <= self.ket {
            self.ket = (self.ket as i32 + adjustment) as usize;
        }
    }

    pub fn slice_to(&mut self) -> String {
        self.current[self.bra..self.ket].to_string()
    }

    // `find_among` and `find_among_b`: the original binary search, and then the loop over
    // the entry it ends on and the entries it falls back to (`w.1`), running the routines
    // of those that have one (`w.3`) until one succeeds. Here the search is done from the
    // table's index (`AmongIndex`; checked against the original's in debug builds), and
    // when the entries on the way have no routine, which is all but four entries of the
    // Finnish stemmer, the loop too, without a call; otherwise, and on a table's first use,
    // `find_among_general` does it all as the original did.
    pub fn find_among<T>(&mut self, amongs: &'static [Among<T>], context: &mut T) -> i32 {
        match self.find_among_fast(amongs) {
            Some(result) => result,
            None => self.find_among_general(amongs, context),
        }
    }

    /// The result of `find_among`, or None (before changing anything) when the general path
    /// is needed.
    #[inline(always)]
    fn find_among_fast<T>(&mut self, amongs: &'static [Among<T>]) -> Option<i32> {
        let rest = self.current.as_bytes().get(self.cursor..self.limit)?;
        let index = AmongIndex::get(amongs, false)?;
        let (lo, hi) = AmongIndex::group(index, rest.first());
        let (n, common_i) = search_group::<T, false>(amongs, lo, hi, rest);
        let mut i = n.saturating_sub(1);
        let common_i = if n == 0 { 0 } else { common_i };
        debug_assert_eq!((i as i32, common_i), self.find_among_search_reference(amongs), "find_among at {} in {:?}", self.cursor, self.current);
        loop {
            let w = &amongs[i];
            if common_i >= w.0.len() {
                if w.3.is_some() {
                    return None;
                }
                self.cursor = self.cursor + w.0.len();
                return Some(w.2);
            }
            if w.1 < 0 {
                return Some(0);
            }
            i = w.1 as usize;
        }
    }

    /// `find_among` with the search from the table's index (built here on its first use) or,
    /// for a table not sorted as that needs, the original's, and then the original's loop.
    #[inline(never)]
    fn find_among_general<T>(&mut self, amongs: &'static [Among<T>], context: &mut T) -> i32 {
        let (mut i, common_i) = match (self.current.as_bytes().get(self.cursor..self.limit), AmongIndex::of(amongs, false)) {
            (Some(rest), Some(index)) => {
                let (lo, hi) = AmongIndex::group(index, rest.first());
                let (n, common) = search_group::<T, false>(amongs, lo, hi, rest);
                if n == 0 { (0, 0) } else { ((n - 1) as i32, common) }
            }
            _ => self.find_among_search_reference(amongs),
        };
        debug_assert_eq!((i, common_i), self.find_among_search_reference(amongs), "find_among at {} in {:?}", self.cursor, self.current);
        let c = self.cursor;
        loop {
            let w = &amongs[i as usize];
            if common_i >= w.0.len() {
                self.cursor = c + w.0.len();
                if let Some(ref method) = w.3 {
                    let res = method(self, context);
                    self.cursor = c + w.0.len();
                    if res {
                        return w.2;
                    }
                } else {
                    return w.2;
                }
            }
            i = w.1;
            if i < 0 {
                return 0;
            }
        }
    }

    /// The original binary search of `find_among`.
    #[inline(never)]
    fn find_among_search_reference<T>(&self, amongs: &[Among<T>]) -> (i32, usize) {
        let mut i: i32 = 0;
        let mut j: i32 = amongs.len() as i32;

        let c = self.cursor;
        let l = self.limit;

        let mut common_i = 0;
        let mut common_j = 0;

        let mut first_key_inspected = false;
        loop {
            let k = i + ((j - i) >> 1);
            let mut diff: i32 = 0;
            let mut common = min(common_i, common_j);
            let w = &amongs[k as usize];
            for lvar in common..w.0.len() {
                if c + common == l {
                    diff = -1;
                    break;
                }
                diff = self.current.as_bytes()[c + common] as i32 - w.0.as_bytes()[lvar] as i32;
                if diff != 0 {
                    break;
                }
                common += 1;
            }
            if diff < 0 {
                j = k;
                common_j = common;
            } else {
                i = k;
                common_i = common;
            }
            if j - i <= 1 {
                if i > 0 {
                    break;
                }
                if j == i {
                    break;
                }
                if first_key_inspected {
                    break;
                }
                first_key_inspected = true;
            }
        }
        (i, common_i)
    }

    pub fn find_among_b<T>(&mut self, amongs: &'static [Among<T>], context: &mut T) -> i32 {
        match self.find_among_b_fast(amongs) {
            Some(result) => result,
            None => self.find_among_b_general(amongs, context),
        }
    }

    /// The result of `find_among_b`, or None (before changing anything) when the general path
    /// is needed.
    #[inline(always)]
    fn find_among_b_fast<T>(&mut self, amongs: &'static [Among<T>]) -> Option<i32> {
        let rest = self.current.as_bytes().get(self.limit_backward..self.cursor)?;
        let index = AmongIndex::get(amongs, true)?;
        let (lo, hi) = AmongIndex::group(index, rest.last());
        let (n, common_i) = search_group::<T, true>(amongs, lo, hi, rest);
        let mut i = n.saturating_sub(1);
        let common_i = if n == 0 { 0 } else { common_i };
        debug_assert_eq!((i as i32, common_i), self.find_among_b_search_reference(amongs), "find_among_b at {} in {:?}", self.cursor, self.current);
        loop {
            let w = &amongs[i];
            if common_i >= w.0.len() {
                if w.3.is_some() {
                    return None;
                }
                self.cursor = self.cursor - w.0.len();
                return Some(w.2);
            }
            if w.1 < 0 {
                return Some(0);
            }
            i = w.1 as usize;
        }
    }

    /// `find_among_b` with the search from the table's index (built here on its first use) or,
    /// for a table not sorted as that needs, the original's, and then the original's loop.
    #[inline(never)]
    fn find_among_b_general<T>(&mut self, amongs: &'static [Among<T>], context: &mut T) -> i32 {
        let (mut i, common_i) = match (self.current.as_bytes().get(self.limit_backward..self.cursor), AmongIndex::of(amongs, true)) {
            (Some(rest), Some(index)) => {
                let (lo, hi) = AmongIndex::group(index, rest.last());
                let (n, common) = search_group::<T, true>(amongs, lo, hi, rest);
                if n == 0 { (0, 0) } else { ((n - 1) as i32, common) }
            }
            _ => self.find_among_b_search_reference(amongs),
        };
        debug_assert_eq!((i, common_i), self.find_among_b_search_reference(amongs), "find_among_b at {} in {:?}", self.cursor, self.current);
        let c = self.cursor;
        loop {
            let w = &amongs[i as usize];
            if common_i >= w.0.len() {
                self.cursor = c - w.0.len();
                if let Some(ref method) = w.3 {
                    let res = method(self, context);
                    self.cursor = c - w.0.len();
                    if res {
                        return w.2;
                    }
                } else {
                    return w.2;
                }
            }
            i = w.1;
            if i < 0 {
                return 0;
            }
        }
    }

    /// The original binary search of `find_among_b`.
    #[inline(never)]
    fn find_among_b_search_reference<T>(&self, amongs: &[Among<T>]) -> (i32, usize) {
        let mut i: i32 = 0;
        let mut j: i32 = amongs.len() as i32;

        let c = self.cursor;
        let lb = self.limit_backward;

        let mut common_i = 0;
        let mut common_j = 0;

        let mut first_key_inspected = false;

        loop {
            let k = i + ((j - i) >> 1);
            let mut diff: i32 = 0;
            let mut common = if common_i < common_j {
                common_i
            } else {
                common_j
            };
            let w = &amongs[k as usize];
            for lvar in (0..w.0.len() - common).rev() {
                if c - common == lb {
                    diff = -1;
                    break;
                }
                diff = self.current.as_bytes()[c - common - 1] as i32 - w.0.as_bytes()[lvar] as i32;
                if diff != 0 {
                    break;
                }
                common += 1;
            }
            if diff < 0 {
                j = k;
                common_j = common;
            } else {
                i = k;
                common_i = common;
            }
            if j - i <= 1 {
                if i > 0 {
                    break;
                }
                if j == i {
                    break;
                }
                if first_key_inspected {
                    break;
                }
                first_key_inspected = true;
            }
        }
        (i, common_i)
    }
}
