use crate::Lang;

#[cfg_attr(feature = "arbitrary", derive(::arbitrary::Arbitrary))]
#[derive(Debug, Clone, Default)]
pub enum FilterList {
    #[default]
    All,
    Allow(Vec<Lang>),
    Deny(Vec<Lang>),
}

impl FilterList {
    #[cfg(feature = "dev")]
    pub fn all() -> Self {
        Self::All
    }

    pub fn allow(allowlist: Vec<Lang>) -> Self {
        Self::Allow(allowlist)
    }

    pub fn deny(denylist: Vec<Lang>) -> Self {
        Self::Deny(denylist)
    }

    pub fn is_allowed(&self, lang: Lang) -> bool {
        match self {
            Self::All => true,
            Self::Allow(allowlist) => allowlist.contains(&lang),
            Self::Deny(denylist) => !denylist.contains(&lang),
        }
    }
}

/// repwatch: the languages a [`FilterList`] allows, as a bit set (by `Lang as usize`):
/// made once per detection from the list, so that each language is then one bit test
/// instead of a search of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LangSet([u64; 2]);

const _: () = assert!(crate::lang::LANG_COUNT <= 128);

impl LangSet {
    pub(crate) fn of(list: &FilterList) -> LangSet {
        let set = match list {
            FilterList::All => LangSet::from_langs(Lang::all()),
            FilterList::Allow(allow) => LangSet::from_langs(allow),
            FilterList::Deny(deny) => {
                let (all, deny) = (LangSet::from_langs(Lang::all()), LangSet::from_langs(deny));
                LangSet([all.0[0] & !deny.0[0], all.0[1] & !deny.0[1]])
            }
        };
        debug_assert!(
            Lang::all()
                .iter()
                .all(|&l| list.is_allowed(l) == set.contains(l))
        );
        set
    }

    pub(crate) fn from_langs(langs: &[Lang]) -> LangSet {
        let mut set = [0u64; 2];
        for &l in langs {
            set[l as usize >> 6] |= 1 << (l as usize & 63);
        }
        LangSet(set)
    }

    #[inline]
    pub(crate) fn contains(self, lang: Lang) -> bool {
        self.0[lang as usize >> 6] >> (lang as usize & 63) & 1 != 0
    }

    pub(crate) fn len(self) -> usize {
        (self.0[0].count_ones() + self.0[1].count_ones()) as usize
    }

    #[inline]
    pub(crate) fn intersection(self, other: LangSet) -> LangSet {
        LangSet([self.0[0] & other.0[0], self.0[1] & other.0[1]])
    }

    /// The languages of the set, by `Lang as usize`.
    #[inline]
    pub(crate) fn iter(self) -> impl Iterator<Item = Lang> {
        let mut words = self.0;
        let mut w = 0;
        std::iter::from_fn(move || {
            while w < 2 {
                if words[w] != 0 {
                    let i = words[w].trailing_zeros() as usize;
                    words[w] &= words[w] - 1;
                    return Some(Lang::all()[w * 64 + i]);
                }
                w += 1;
            }
            None
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "dev")]
    fn test_all() {
        let list = FilterList::all();
        assert!(list.is_allowed(Lang::Epo));
    }

    #[test]
    fn lang_sets_are_the_lists() {
        // A set's bit is the language's value, and `Lang::all()` lists them by value.
        assert!(
            Lang::all()
                .iter()
                .enumerate()
                .all(|(i, &l)| l as usize == i)
        );
        for list in [
            FilterList::All,
            FilterList::allow(vec![Lang::Rus, Lang::Ukr, Lang::Eng]),
            FilterList::deny(vec![Lang::Rus, Lang::Ukr]),
        ] {
            let set = LangSet::of(&list);
            let listed: Vec<Lang> = set.iter().collect();
            let want: Vec<Lang> = Lang::all()
                .iter()
                .copied()
                .filter(|&l| list.is_allowed(l))
                .collect();
            assert_eq!(listed, want);
            assert_eq!(set.len(), want.len());
        }
    }

    #[test]
    fn test_only() {
        let list = FilterList::allow(vec![Lang::Rus, Lang::Ukr]);

        assert!(!list.is_allowed(Lang::Epo));
        assert!(!list.is_allowed(Lang::Eng));

        assert!(list.is_allowed(Lang::Rus));
        assert!(list.is_allowed(Lang::Ukr));
    }

    #[test]
    fn test_except() {
        let list = FilterList::deny(vec![Lang::Rus, Lang::Ukr]);

        assert!(list.is_allowed(Lang::Epo));
        assert!(list.is_allowed(Lang::Eng));

        assert!(!list.is_allowed(Lang::Rus));
        assert!(!list.is_allowed(Lang::Ukr));
    }
}
