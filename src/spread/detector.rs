//! The detector: clusters of complaints, their windows and voices, and the decisions.
//!
//! Feed it every signal in stream order with [`Detector::observe`], and call
//! [`Detector::tick`] when time passes without signals; both return the alerts decided.

use std::collections::VecDeque;
use std::collections::hash_map::Entry;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use compact_str::CompactString;
use rustc_hash::{FxHashMap, FxHashSet};

use super::baseline::{Baseline, surprise_at_least};
use super::reasons::{self, IncidentView, Reading};
use super::text::{Fnv, copy_key, hash_parts, links};
use super::{Alert, AlertKind, OpenIncident, Severity, Signal, SpreadConfig};
use crate::score::Category;

/// The longer windows watched besides the configured one: slow burns.
const SLOW_WINDOWS_MINS: [i64; 2] = [6 * 60, 24 * 60];
/// Extra voices a slow window needs over `min_authors`, per window: a day always has
/// a few more complaints than an hour.
const SLOW_EXTRA_AUTHORS: [usize; 2] = [2, 4];
/// How long a complaint's engagement is followed after it was posted.
const ENGAGEMENT_HOURS: i64 = 48;
/// Members an incident keeps (ids, texts); beyond this it only counts them.
const MAX_MEMBERS: usize = 10_000;
/// A reply or quote that is not positive joins the thread it answers ("same here").
const AGREEING_SENTIMENT: f32 = 0.05;
/// The prior usual rate of complaints per group before the baseline has learnt: about
/// two a day.
const PRIOR_PER_HOUR: f64 = 0.08;
/// An incident stays alive while its short window holds at least twice the usual count,
/// and that is unusual at this level (1 in 10).
const ALIVE_SURPRISE: f64 = 1.0;
/// Posts the scorer called complaints that an incident needs, besides possible ones.
const FIRM_MIN: usize = 2;
/// Housekeeping (resolving, forgetting) runs at most this often, in stream time.
const HOUSEKEEPING_SECS: i64 = 60;

/// Distinct people behind a set of posts: one person counts once, and the accounts that
/// posted one long text word for word count once together.
#[derive(Debug, Default, Clone)]
struct Voices {
    authors: FxHashMap<u64, u32>,
    copies: FxHashMap<u64, FxHashMap<u64, u32>>,
    /// Authors merged away because they share a copied text with another.
    excess: usize,
    posts: usize,
}

impl Voices {
    fn add(&mut self, author: u64, copy: Option<u64>) {
        self.posts += 1;
        *self.authors.entry(author).or_default() += 1;
        if let Some(c) = copy {
            let group = self.copies.entry(c).or_default();
            let before = group.len();
            *group.entry(author).or_default() += 1;
            if group.len() > before && before >= 1 {
                self.excess += 1;
            }
        }
    }

    fn remove(&mut self, author: u64, copy: Option<u64>) {
        self.posts = self.posts.saturating_sub(1);
        // One probe of the table, whether the author stays or goes.
        if let Entry::Occupied(mut n) = self.authors.entry(author) {
            *n.get_mut() -= 1;
            if *n.get() == 0 {
                n.remove();
            }
        }
        if let Some(c) = copy
            && let Some(group) = self.copies.get_mut(&c)
        {
            let before = group.len();
            if let Some(n) = group.get_mut(&author) {
                *n -= 1;
                if *n == 0 {
                    group.remove(&author);
                }
            }
            if group.len() < before && before >= 2 {
                self.excess = self.excess.saturating_sub(1);
            }
            if group.is_empty() {
                self.copies.remove(&c);
            }
        }
    }

    fn count(&self) -> usize {
        let n = self.authors.len();
        n.saturating_sub(self.excess).max(n.min(1))
    }

    fn contains(&self, author: u64) -> bool {
        self.authors.contains_key(&author)
    }

    /// Posts in texts that several accounts posted word for word, and how many such texts.
    fn copied(&self) -> (usize, usize) {
        let shared = self.copies.values().filter(|g| g.len() >= 2);
        shared.fold((0, 0), |(posts, texts), g| (posts + g.values().sum::<u32>() as usize, texts + 1))
    }
}

/// A complaint as a window holds it.
#[derive(Debug, Clone)]
struct Member {
    at: DateTime<Utc>,
    key: u64,
    author: u64,
    copy: Option<u64>,
    /// The scorer called it a complaint (not only a possible one, or a reply agreeing).
    firm: bool,
    /// The keys of its terms ([`term_key`]), made once: forgetting it then reads neither
    /// its terms nor their bytes again.
    terms: Arc<[u64]>,
    signal: Arc<Signal>,
}

#[derive(Debug)]
struct Window {
    mins: i64,
    members: VecDeque<Member>,
    voices: Voices,
    /// Members the scorer called complaints.
    firm: usize,
}

impl Window {
    fn new(mins: i64) -> Window {
        Window { mins, members: VecDeque::new(), voices: Voices::default(), firm: 0 }
    }

    fn insert(&mut self, m: Member) {
        self.voices.add(m.author, m.copy);
        self.firm += m.firm as usize;
        // Streams are nearly ordered: a late post goes in its place.
        if self.members.back().is_none_or(|b| b.at <= m.at) {
            self.members.push_back(m);
        } else {
            let i = self.members.partition_point(|x| x.at <= m.at);
            self.members.insert(i, m);
        }
    }

    /// Drops what has left the window at `now` ([`instant`]), handing each member to `gone`.
    fn evict(&mut self, now: (i64, u32), mut gone: impl FnMut(Member)) {
        // `now - mins`, without chrono's calendar arithmetic: this runs for every window
        // of every cluster at each housekeeping.
        let edge = (now.0 - self.mins * 60, now.1);
        while self.members.front().is_some_and(|m| instant(m.at) <= edge) {
            if let Some(m) = self.members.pop_front() {
                self.voices.remove(m.author, m.copy);
                self.firm -= m.firm as usize;
                gone(m);
            }
        }
    }

    fn clear(&mut self) {
        self.members.clear();
        self.voices = Voices::default();
        self.firm = 0;
    }
}

/// Why an incident was opened.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Trigger {
    /// Enough people in a window, unusually many.
    Spread { mins: i64, expected: f64, surprise: f64 },
    /// One post whose engagement exploded.
    Viral,
    /// One post from an account with a very large audience.
    Reach,
}

/// A complaint seen recently: where it went, and how its engagement moves.
#[derive(Debug)]
struct Post {
    signal: Arc<Signal>,
    cluster: u64,
    /// Its own incident's cluster, when it is an incident on its own.
    single: Option<u64>,
    author: u64,
    /// Its [`copy_key`], kept to retire it from incidents when it is forgotten.
    copy: Option<u64>,
    engagement: u64,
    read_at: DateTime<Utc>,
    /// Engagement per hour between the last two readings.
    velocity: f64,
}

#[derive(Debug)]
pub(super) struct Incident {
    pub id: String,
    pub opened_at: DateTime<Utc>,
    pub last_complaint_at: DateTime<Utc>,
    /// The last complaint, or engagement that grew.
    last_activity: DateTime<Utc>,
    /// The severity last told; never goes down.
    pub severity: Severity,
    last_alert_at: DateTime<Utc>,
    pub trigger: Trigger,
    pub members: Vec<Arc<Signal>>,
    member_keys: FxHashSet<u64>,
    /// Members beyond [`MAX_MEMBERS`], counted only.
    pub more: usize,
    /// Voices and posts of the members that are still followed (two days)...
    voices: Voices,
    /// ...and of those forgotten since, counted only: an incident's memory is bounded by
    /// the posts of the last two days, however long it lasts.
    retired_voices: usize,
    retired_posts: usize,
    pub reach: u64,
    /// Members per source and per language.
    pub sources: FxHashMap<String, u32>,
    pub langs: FxHashMap<CompactString, u32>,
    /// Latest engagement of each member, and their total.
    engagement: FxHashMap<u64, u64>,
    engagement_total: u64,
    /// Engagement total and when it was read, to tell its velocity.
    eng_reading: (DateTime<Utc>, u64),
    pub eng_velocity: f64,
    pub eng_accelerating: bool,
}

impl Incident {
    fn new(id: String, now: DateTime<Utc>, severity: Severity, trigger: Trigger) -> Incident {
        Incident {
            id,
            opened_at: now,
            last_complaint_at: now,
            last_activity: now,
            severity,
            last_alert_at: now,
            trigger,
            members: Vec::new(),
            member_keys: FxHashSet::default(),
            more: 0,
            voices: Voices::default(),
            retired_voices: 0,
            retired_posts: 0,
            reach: 0,
            sources: FxHashMap::default(),
            langs: FxHashMap::default(),
            engagement: FxHashMap::default(),
            engagement_total: 0,
            eng_reading: (now, 0),
            eng_velocity: 0.0,
            eng_accelerating: false,
        }
    }

    /// Adds a complaint; `false` when it was a member already.
    fn add(&mut self, key: u64, author: u64, copy: Option<u64>, s: &Arc<Signal>, engagement: u64) -> bool {
        if !self.member_keys.insert(key) {
            return false;
        }
        if !self.voices.contains(author) {
            self.reach = self.reach.saturating_add(s.followers);
        }
        self.voices.add(author, copy);
        self.engagement.insert(key, engagement);
        self.engagement_total = self.engagement_total.saturating_add(engagement);
        *self.sources.entry(s.source.clone()).or_default() += 1;
        if !s.lang.is_empty() {
            *self.langs.entry(s.lang.clone()).or_default() += 1;
        }
        if self.members.len() < MAX_MEMBERS {
            self.members.push(s.clone());
        } else {
            self.more += 1;
        }
        true
    }

    pub fn voices(&self) -> usize {
        self.retired_voices + self.voices.count()
    }

    pub fn posts(&self) -> usize {
        self.retired_posts + self.voices.posts
    }

    /// Forgets a member's details once its post is no longer followed, keeping what it
    /// added to the counts (a person who posts again days later is counted again).
    fn retire(&mut self, key: u64, author: u64, copy: Option<u64>) {
        if !self.member_keys.remove(&key) {
            return;
        }
        self.engagement.remove(&key);
        let before = self.voices.count();
        self.voices.remove(author, copy);
        self.retired_voices = (self.retired_voices + before).saturating_sub(self.voices.count());
        self.retired_posts += 1;
    }

    pub fn copied(&self) -> (usize, usize) {
        self.voices.copied()
    }

    pub fn engagement(&self) -> u64 {
        self.engagement_total
    }

    /// Takes a new engagement reading of a member; `true` when the total grew.
    fn engagement_update(&mut self, key: u64, engagement: u64, now: DateTime<Utc>) -> bool {
        let Some(e) = self.engagement.get_mut(&key) else { return false };
        let grew = engagement > *e;
        self.engagement_total = self.engagement_total.saturating_sub(*e).saturating_add(engagement);
        *e = engagement;
        let total = self.engagement();
        let (at, before) = self.eng_reading;
        let hours = (now - at).num_seconds() as f64 / 3600.0;
        if hours > 0.0 {
            let velocity = total.saturating_sub(before) as f64 / hours;
            self.eng_accelerating = velocity > self.eng_velocity * 1.2 && velocity > 0.0;
            self.eng_velocity = velocity;
            self.eng_reading = (now, total);
        }
        grew
    }
}

/// Complaints about one thing, and its incident when it has become one.
#[derive(Debug)]
struct Cluster {
    group: String,
    category: Option<Category>,
    /// Which baseline it is measured against.
    base: usize,
    /// Shortest first; the last is the longest.
    windows: Vec<Window>,
    /// Stemmed terms (hashed) of the posts in the longest window, with counts.
    terms: FxHashMap<u64, u32>,
    links: Vec<String>,
    last_at: DateTime<Utc>,
    /// One post on its own (viral, or a large audience): that post.
    single: bool,
    root: Option<u64>,
    incident: Option<Incident>,
}

/// Decides when complaints have become an incident. Feed it signals in stream order.
#[derive(Debug)]
pub struct Detector {
    config: SpreadConfig,
    clusters: FxHashMap<u64, Cluster>,
    by_group: FxHashMap<String, u64>,
    by_link: FxHashMap<String, u64>,
    /// term hash → clusters whose longest window holds it, with counts.
    by_term: FxHashMap<u64, FxHashMap<u64, u32>>,
    posts: FxHashMap<u64, Post>,
    /// Posts in the order they came, to forget them when they are old.
    expiry: VecDeque<(DateTime<Utc>, u64)>,
    /// One per category, then `general`.
    baselines: Vec<Baseline>,
    next_cluster: u64,
    housekept_at: Option<DateTime<Utc>>,
}

impl Detector {
    pub fn new(config: &SpreadConfig) -> Detector {
        Detector {
            config: config.clone(),
            clusters: FxHashMap::default(),
            by_group: FxHashMap::default(),
            by_link: FxHashMap::default(),
            by_term: FxHashMap::default(),
            posts: FxHashMap::default(),
            expiry: VecDeque::new(),
            baselines: vec![Baseline::new(PRIOR_PER_HOUR); Category::ALL.len() + 1],
            next_cluster: 1,
            housekept_at: None,
        }
    }

    /// How far back [`Detector::warm`] wants complaints after a restart, so that its
    /// windows and usual rates start where they were.
    pub fn history(&self) -> Duration {
        Duration::days(7)
    }

    /// Restores an incident that was open when the service stopped.
    pub fn restore(&mut self, open: OpenIncident, members: Vec<Signal>) {
        let single = open.group.starts_with("post:");
        let category = Category::parse(&open.group).or_else(|| members.iter().find_map(|m| m.category));
        let cid = self.cluster_for_group(&open.group, category, single, open.last_complaint_at);
        let mut inc = Incident::new(
            open.id,
            open.opened_at,
            open.severity,
            if single { Trigger::Viral } else { Trigger::Spread { mins: 0, expected: 0.0, surprise: 0.0 } },
        );
        inc.last_complaint_at = open.last_complaint_at;
        inc.last_activity = open.last_complaint_at;
        inc.last_alert_at = open.last_complaint_at;
        for s in members {
            let key = post_key(&s.source, &s.id);
            let s = Arc::new(s);
            let copy = copy_key(&s.text);
            inc.add(key, author_key(&s), copy, &s, s.engagement);
            if self.posts.contains_key(&key) {
                continue;
            }
            self.expiry.push_back((s.created_at, key));
            self.posts.insert(
                key,
                Post {
                    author: author_key(&s),
                    copy,
                    engagement: s.engagement,
                    read_at: s.observed_at,
                    velocity: 0.0,
                    cluster: cid,
                    single: single.then_some(cid),
                    signal: s,
                },
            );
        }
        if single {
            let root = inc.members.first().map(|m| post_key(&m.source, &m.id));
            if let Some(c) = self.clusters.get_mut(&cid) {
                c.root = root;
            }
        }
        if let Some(c) = self.clusters.get_mut(&cid) {
            c.incident = Some(inc);
        }
    }

    /// Adds a complaint to the windows and the usual rates without deciding anything:
    /// used to warm up after a restart from what the store holds.
    pub fn warm(&mut self, s: Signal) {
        if s.complaint && !s.update {
            let at = s.created_at.min(s.observed_at);
            self.ingest(s, at, at, false);
        }
    }

    /// Takes one signal at stream time `now` and returns the alerts it causes. A complaint
    /// the detector keeps is kept as it is given, without a copy.
    pub fn observe(&mut self, s: Signal, now: DateTime<Utc>) -> Vec<Alert> {
        let mut alerts = self.housekeeping(now);
        if s.update {
            alerts.extend(self.engagement_update(&s, now));
            return alerts;
        }
        // A post is counted when it was written, but never in the future of the stream.
        let at = s.created_at.min(now);
        if let Some(alert) = self.ingest(s, at, now, true) {
            alerts.extend(alert);
        }
        alerts
    }

    /// Resolves incidents that have been quiet, tells escalations held back by the
    /// cool-down, and forgets what has left every window.
    pub fn tick(&mut self, now: DateTime<Utc>) -> Vec<Alert> {
        self.housekept_at = Some(now);
        let quiet = Duration::minutes(self.config.quiet_mins as i64);
        let mut alerts = Vec::new();
        // Open incidents in the order they were made, so that alerts decided together
        // come out in the same order every run.
        let mut open: Vec<(u64, DateTime<Utc>)> =
            self.clusters.iter().filter_map(|(cid, c)| c.incident.as_ref().map(|i| (*cid, i.last_activity))).collect();
        open.sort_unstable_by_key(|(cid, _)| *cid);
        for (cid, last_activity) in open {
            if now - last_activity >= quiet {
                alerts.push(self.resolve(cid, now));
            } else if let Some(a) = self.escalate(cid, now) {
                alerts.push(a);
            }
        }
        self.forget(now);
        alerts
    }

    /// Incidents currently open.
    pub fn open_incidents(&self) -> usize {
        self.clusters.values().filter(|c| c.incident.is_some()).count()
    }

    /// How many things the detector holds (posts, window entries, incident members,
    /// terms, links): what its memory grows with. It is bounded by the longest window and
    /// the open incidents, whatever the length of the history.
    pub fn tracked(&self) -> usize {
        let clusters: usize = self
            .clusters
            .values()
            .map(|c| {
                c.windows.iter().map(|w| w.members.len()).sum::<usize>()
                    + c.terms.len()
                    + c.links.len()
                    + c.incident.as_ref().map_or(0, |i| i.members.len() + i.member_keys.len() + i.voices.authors.len())
            })
            .sum();
        clusters + self.posts.len() + self.by_term.len() + self.by_link.len() + self.by_group.len()
    }

    fn housekeeping(&mut self, now: DateTime<Utc>) -> Vec<Alert> {
        match self.housekept_at {
            Some(t) if (now - t).num_seconds() < HOUSEKEEPING_SECS => Vec::new(),
            _ => self.tick(now),
        }
    }

    /// Puts a complaint (or a reply joining a thread) into its cluster, and, when
    /// `decide`, returns the alert that causes.
    fn ingest(&mut self, s: Signal, at: DateTime<Utc>, now: DateTime<Utc>, decide: bool) -> Option<Vec<Alert>> {
        let key = post_key(&s.source, &s.id);
        if self.posts.contains_key(&key) {
            // The same post twice is counted once.
            return None;
        }
        let longest = self.longest_mins();
        if at <= now - Duration::minutes(longest) {
            // Too old to be part of anything the windows hold (a backfill).
            return None;
        }
        let parent = s.in_reply_to.as_ref().and_then(|p| self.posts.get(&post_key(&s.source, p)));
        let thread = parent.map(|p| p.single.filter(|c| self.is_open(*c)).unwrap_or(p.cluster));
        let joins_thread = thread.is_some() && s.sentiment <= AGREEING_SENTIMENT;
        // A post naming a problem the scorer did not call a complaint ("great job, third
        // outage this week") may be sarcasm: it counts towards its category's spread, but
        // an incident also needs posts the scorer is sure of.
        let possible = !s.complaint && s.category.is_some();
        if !s.complaint && !joins_thread && !possible {
            return None;
        }
        let s = Arc::new(s);
        let base = s.category.map(|c| category_index(family(c))).unwrap_or(Category::ALL.len());
        if (s.complaint || possible) && at > now - Duration::hours(1) {
            self.baselines[base].add(at);
        }
        let shared = links(&s.text);
        let cid = match thread.filter(|_| joins_thread && !possible) {
            Some(c) if self.clusters.contains_key(&c) => c,
            _ => self.assign(&s, &shared, now),
        };
        let author = author_key(&s);
        let copy = copy_key(&s.text);
        let firm = s.complaint || joins_thread;
        let terms: Arc<[u64]> = s.terms.iter().map(|t| term_key(t)).collect();
        let member = Member { at, key, author, copy, firm, terms: Arc::clone(&terms), signal: Arc::clone(&s) };
        let cluster = self.clusters.get_mut(&cid)?;
        cluster.last_at = cluster.last_at.max(now);
        for w in &mut cluster.windows {
            w.insert(member.clone());
        }
        for &h in terms.iter() {
            *cluster.terms.entry(h).or_default() += 1;
            *self.by_term.entry(h).or_default().entry(cid).or_default() += 1;
        }
        for l in shared {
            if !cluster.links.contains(&l) {
                cluster.links.push(l.clone());
            }
            self.by_link.entry(l).or_insert(cid);
        }
        self.expiry.push_back((at, key));
        self.posts.insert(
            key,
            Post {
                signal: Arc::clone(&s),
                cluster: cid,
                single: None,
                author,
                copy,
                engagement: s.engagement,
                read_at: s.observed_at.min(now),
                velocity: 0.0,
            },
        );
        if let Some(inc) = &mut cluster.incident {
            inc.add(key, author, copy, &s, s.engagement);
            inc.last_complaint_at = now;
            // An incident stays alive while complaints still come faster than usual;
            // back at the usual rate it dies down, even if complaints trickle in.
            let short = &cluster.windows[0];
            let voices = short.voices.count() as f64;
            let expected = self.baselines[cluster.base].expected(now, short.mins);
            if cluster.single
                || (voices >= 2.0 * expected.mean && surprise_at_least(voices, expected, ALIVE_SURPRISE).is_some())
            {
                inc.last_activity = now;
            }
        }
        if !decide {
            return None;
        }
        let mut alerts = Vec::new();
        if self.clusters.get(&cid).is_some_and(|c| c.incident.is_some()) {
            alerts.extend(self.escalate(cid, now));
        } else {
            alerts.extend(self.try_open(cid, now));
        }
        // A complaint from a very large audience is an incident on its own, unless it is
        // part of one already.
        if s.complaint && s.followers >= self.config.reach_followers() && !self.is_open(cid) {
            alerts.extend(self.open_single(key, Trigger::Reach, now));
        }
        Some(alerts)
    }

    /// The cluster a complaint belongs to, created when there is none.
    fn assign(&mut self, s: &Signal, shared: &[String], now: DateTime<Utc>) -> u64 {
        for l in shared {
            if let Some(&c) = self.by_link.get(l)
                && self.clusters.contains_key(&c)
            {
                return c;
            }
        }
        if let Some(cat) = s.category {
            let family = family(cat);
            return self.cluster_for_group(family.as_str(), Some(family), false, now);
        }
        // No category: the cluster it shares most terms with, when it shares enough.
        let mut shared_terms: FxHashMap<u64, usize> = FxHashMap::default();
        for t in &s.terms {
            if let Some(cs) = self.by_term.get(&term_key(t)) {
                for c in cs.keys() {
                    *shared_terms.entry(*c).or_default() += 1;
                }
            }
        }
        let need = if s.terms.len() <= 2 { s.terms.len().max(1) } else { 2 };
        let best = shared_terms
            .into_iter()
            .filter(|(c, n)| *n >= need && self.clusters.get(c).is_some_and(|c| !c.single))
            .max_by_key(|(c, n)| (*n, std::cmp::Reverse(*c)));
        if let Some((c, _)) = best {
            return c;
        }
        let mut terms: Vec<&str> = s.terms.iter().map(|t| t.as_str()).take(3).collect();
        terms.sort_unstable();
        let group = if terms.is_empty() { "general".to_string() } else { format!("terms:{}", terms.join("+")) };
        self.cluster_for_group(&group, None, false, now)
    }

    fn cluster_for_group(&mut self, group: &str, category: Option<Category>, single: bool, now: DateTime<Utc>) -> u64 {
        if let Some(&c) = self.by_group.get(group)
            && self.clusters.contains_key(&c)
        {
            return c;
        }
        let id = self.next_cluster;
        self.next_cluster += 1;
        let mut windows = vec![Window::new(self.config.window_mins as i64)];
        for mins in SLOW_WINDOWS_MINS {
            if mins > self.config.window_mins as i64 {
                windows.push(Window::new(mins));
            }
        }
        let base = category.map(category_index).unwrap_or(Category::ALL.len());
        self.clusters.insert(
            id,
            Cluster {
                group: group.to_string(),
                category,
                base,
                windows,
                terms: FxHashMap::default(),
                links: Vec::new(),
                last_at: now,
                single,
                root: None,
                incident: None,
            },
        );
        self.by_group.insert(group.to_string(), id);
        id
    }

    fn is_open(&self, cid: u64) -> bool {
        self.clusters.get(&cid).is_some_and(|c| c.incident.is_some())
    }

    fn longest_mins(&self) -> i64 {
        SLOW_WINDOWS_MINS[SLOW_WINDOWS_MINS.len() - 1].max(self.config.window_mins as i64)
    }

    /// Opens an incident when a window holds enough voices, unusually many.
    fn try_open(&mut self, cid: u64, now: DateTime<Utc>) -> Option<Alert> {
        let min_authors = self.config.min_authors();
        let min_surprise = self.config.min_surprise();
        self.evict(cid, now);
        let cluster = self.clusters.get_mut(&cid)?;
        if cluster.single {
            return None;
        }
        let baseline = &self.baselines[cluster.base];
        let mut trigger = None;
        for (i, w) in cluster.windows.iter().enumerate() {
            let need = if i == 0 { min_authors } else { min_authors + SLOW_EXTRA_AUTHORS[i - 1] };
            let voices = w.voices.count();
            if voices < need || w.firm < FIRM_MIN {
                continue;
            }
            let expected = baseline.expected(now, w.mins);
            if (voices as f64) <= expected.mean {
                continue;
            }
            if let Some(s) = surprise_at_least(voices as f64, expected, min_surprise) {
                trigger = Some((i, Trigger::Spread { mins: w.mins, expected: expected.mean, surprise: s }));
                break;
            }
        }
        let (i, trigger) = trigger?;
        let members: Vec<Member> = cluster.windows[i].members.iter().cloned().collect();
        let first = members.first()?;
        let id = incident_id(&cluster.group, &first.signal, now);
        let mut inc = Incident::new(id, now, Severity::Low, trigger);
        for m in &members {
            let eng = self.posts.get(&m.key).map_or(m.signal.engagement, |p| p.engagement);
            inc.add(m.key, m.author, m.copy, &m.signal, eng);
        }
        inc.severity = severity(&self.config, &inc, false);
        cluster.incident = Some(inc);
        Some(self.alert(cid, AlertKind::Opened, now))
    }

    /// Opens an incident for one post on its own.
    fn open_single(&mut self, key: u64, trigger: Trigger, now: DateTime<Utc>) -> Option<Alert> {
        let post = self.posts.get(&key)?;
        if post.single.is_some_and(|c| self.is_open(c)) {
            return None;
        }
        let signal = post.signal.clone();
        let (author, copy, engagement) = (post.author, post.copy, post.engagement);
        let group = format!("post:{}:{}", signal.source, signal.id);
        let cid = self.cluster_for_group(&group, signal.category, true, now);
        let mut inc = Incident::new(incident_id(&group, &signal, now), now, Severity::Medium, trigger);
        inc.add(key, author, copy, &signal, engagement);
        inc.eng_velocity = self.posts.get(&key).map_or(0.0, |p| p.velocity);
        inc.severity = self.severity(&inc, true);
        if let Some(p) = self.posts.get_mut(&key) {
            p.single = Some(cid);
        }
        let cluster = self.clusters.get_mut(&cid)?;
        cluster.root = Some(key);
        cluster.incident = Some(inc);
        Some(self.alert(cid, AlertKind::Opened, now))
    }

    /// Tells the incident's new severity when it has grown past the one last told and
    /// the cool-down allows.
    fn escalate(&mut self, cid: u64, now: DateTime<Utc>) -> Option<Alert> {
        let cooldown = Duration::minutes(self.config.cooldown_mins as i64);
        let cluster = self.clusters.get(&cid)?;
        let inc = cluster.incident.as_ref()?;
        let severity = self.severity(inc, cluster.single);
        if severity <= inc.severity {
            return None;
        }
        let jump = severity as usize - inc.severity as usize;
        if now - inc.last_alert_at < cooldown && jump < 2 {
            return None;
        }
        let cluster = self.clusters.get_mut(&cid)?;
        let inc = cluster.incident.as_mut()?;
        inc.severity = severity;
        inc.last_alert_at = now;
        Some(self.alert(cid, AlertKind::Escalated, now))
    }

    fn resolve(&mut self, cid: u64, now: DateTime<Utc>) -> Alert {
        let alert = self.alert(cid, AlertKind::Resolved, now);
        let mut root = None;
        if let Some(c) = self.clusters.get_mut(&cid) {
            c.incident = None;
            root = c.root.take();
            // What is resolved does not count towards the next incident.
            let mut evicted = Vec::new();
            let longest = c.windows.last().map_or(0, |l| l.mins);
            for w in &mut c.windows {
                if w.mins == longest {
                    evicted.extend(w.members.drain(..));
                }
                w.clear();
            }
            for m in &evicted {
                drop_terms(cid, &mut c.terms, &mut self.by_term, m);
            }
        }
        if let Some(p) = root.and_then(|k| self.posts.get_mut(&k)) {
            p.single = None;
        }
        alert
    }

    fn severity(&self, inc: &Incident, single: bool) -> Severity {
        severity(&self.config, inc, single)
    }

    fn engagement_update(&mut self, s: &Signal, now: DateTime<Utc>) -> Vec<Alert> {
        let key = post_key(&s.source, &s.id);
        // Only complaints are followed; an update of anything else finds nothing.
        let Some(post) = self.posts.get_mut(&key) else { return Vec::new() };
        let read_at = s.observed_at.min(now);
        if read_at < post.read_at {
            // An older reading arriving late says nothing new.
            return Vec::new();
        }
        let hours = (read_at - post.read_at).num_seconds() as f64 / 3600.0;
        let before = post.engagement;
        if hours > 0.0 {
            post.velocity = s.engagement.saturating_sub(before) as f64 / hours;
        }
        post.engagement = s.engagement;
        post.read_at = read_at;
        let (cluster, single, followers, complaint) =
            (post.cluster, post.single, post.signal.followers, post.signal.complaint);
        let mut alerts = Vec::new();
        let mut in_incident = false;
        for cid in [Some(cluster), single].into_iter().flatten() {
            let Some(inc) = self.clusters.get_mut(&cid).and_then(|c| c.incident.as_mut()) else { continue };
            in_incident = true;
            // Engagement that keeps growing keeps the incident alive.
            if inc.engagement_update(key, s.engagement, now) && s.engagement > before + before / 20 {
                inc.last_activity = now;
            }
            alerts.extend(self.escalate(cid, now));
        }
        let bar = viral_bar(self.config.viral_engagement() as f64, followers);
        if !in_incident && complaint && s.engagement as f64 >= bar && (before as f64) < bar {
            alerts.extend(self.open_single(key, Trigger::Viral, now));
        }
        alerts
    }

    /// Drops what has left a cluster's windows, and the terms of what has left the
    /// longest one.
    fn evict(&mut self, cid: u64, now: DateTime<Utc>) {
        let Some(c) = self.clusters.get_mut(&cid) else { return };
        evict_cluster(cid, c, &mut self.by_term, instant(now));
    }

    /// Forgets what has left every window: old posts, empty clusters.
    fn forget(&mut self, now: DateTime<Utc>) {
        let at = instant(now);
        let mut empty = Vec::new();
        for (cid, c) in &mut self.clusters {
            evict_cluster(*cid, c, &mut self.by_term, at);
            if c.incident.is_none() && c.windows.iter().all(|w| w.members.is_empty()) {
                empty.push(*cid);
            }
        }
        for cid in empty {
            let Some(c) = self.clusters.remove(&cid) else { continue };
            if self.by_group.get(&c.group) == Some(&cid) {
                self.by_group.remove(&c.group);
            }
            for l in &c.links {
                if self.by_link.get(l) == Some(&cid) {
                    self.by_link.remove(l);
                }
            }
            for t in c.terms.keys() {
                if let Some(cs) = self.by_term.get_mut(t) {
                    cs.remove(&cid);
                    if cs.is_empty() {
                        self.by_term.remove(t);
                    }
                }
            }
        }
        // Engagement is followed for two days; then the post is forgotten (an incident
        // keeps its own copy of its members).
        let horizon = now - Duration::hours(ENGAGEMENT_HOURS).max(Duration::minutes(self.longest_mins()));
        while self.expiry.front().is_some_and(|(t, _)| *t < horizon) {
            let Some((_, key)) = self.expiry.pop_front() else { break };
            let Some(post) = self.posts.remove(&key) else { continue };
            let copy = post.copy;
            for cid in [Some(post.cluster), post.single].into_iter().flatten() {
                if let Some(inc) = self.clusters.get_mut(&cid).and_then(|c| c.incident.as_mut()) {
                    inc.retire(key, post.author, copy);
                }
            }
        }
        for b in &mut self.baselines {
            b.advance(now);
        }
    }

    fn alert(&self, cid: u64, kind: AlertKind, now: DateTime<Utc>) -> Alert {
        let c = &self.clusters[&cid];
        let inc = c.incident.as_ref().expect("alerts are made for open incidents");
        let view = IncidentView {
            incident: inc,
            group: &c.group,
            category: c.category.or_else(|| inc.members.first().and_then(|m| m.category)),
            single: c.single,
            usual_per_hour: self.baselines[c.base].per_hour(now),
            latest: &|m: &Signal| {
                self.posts
                    .get(&post_key(&m.source, &m.id))
                    .map(|p| Reading { engagement: p.engagement, per_hour: p.velocity })
            },
        };
        reasons::alert(&view, kind, now)
    }
}

/// Drops what has left a cluster's windows at `now` ([`instant`]), and the terms of what
/// has left the longest one.
fn evict_cluster(cid: u64, c: &mut Cluster, by_term: &mut FxHashMap<u64, FxHashMap<u64, u32>>, now: (i64, u32)) {
    let last = c.windows.len().saturating_sub(1);
    let terms = &mut c.terms;
    for (i, w) in c.windows.iter_mut().enumerate() {
        if i == last {
            w.evict(now, |m| drop_terms(cid, terms, by_term, &m));
        } else {
            w.evict(now, drop);
        }
    }
}

/// Forgets the terms of a member that has left cluster `cid`'s longest window.
fn drop_terms(
    cid: u64,
    terms: &mut FxHashMap<u64, u32>,
    by_term: &mut FxHashMap<u64, FxHashMap<u64, u32>>,
    gone: &Member,
) {
    // Each table is probed once, whether the count stays or goes.
    for &h in gone.terms.iter() {
        if let Entry::Occupied(mut n) = terms.entry(h) {
            *n.get_mut() = n.get().saturating_sub(1);
            if *n.get() == 0 {
                n.remove();
            }
        }
        if let Entry::Occupied(mut cs) = by_term.entry(h) {
            if let Entry::Occupied(mut n) = cs.get_mut().entry(cid) {
                *n.get_mut() = n.get().saturating_sub(1);
                if *n.get() == 0 {
                    n.remove();
                }
            }
            if cs.get().is_empty() {
                cs.remove();
            }
        }
    }
}

/// How bad an incident is now: low when it opens, one level more each time its voices
/// double, and more for a large reach, fast engagement, and breadth across sources and
/// languages.
fn severity(config: &SpreadConfig, inc: &Incident, single: bool) -> Severity {
    let min_authors = config.min_authors() as f64;
    let viral = config.viral_engagement() as f64;
    let reach_big = config.reach_followers() as f64;

    let mut points: f64 = 0.0;
    let voices = inc.voices() as f64;
    if voices >= min_authors {
        points += (voices / min_authors).log2();
    }
    let engagement = inc.engagement() as f64;
    if single {
        // One post: medium when it qualifies, then by how far past the bar it is.
        let first = inc.members.first();
        let bar = first.map_or(viral, |s| viral_bar(viral, s.followers));
        let by_engagement = if engagement >= bar { 1.0 + (engagement / bar).log10() * 2.0 } else { 0.0 };
        let followers = first.map_or(0.0, |s| s.followers as f64);
        let by_reach = if followers >= reach_big { 1.0 + (followers / reach_big).log10() } else { 0.0 };
        points = points.max(by_engagement).max(by_reach);
    } else {
        if inc.reach as f64 >= reach_big {
            points += 1.0;
        }
        if engagement >= viral {
            points += 1.0;
        }
        if inc.sources.len() >= 3 {
            points += 0.5;
        }
        if inc.langs.len() >= 3 {
            points += 0.5;
        }
    }
    match points {
        p if p >= 3.0 => Severity::Critical,
        p if p >= 2.0 => Severity::High,
        p if p >= 1.0 => Severity::Medium,
        _ => Severity::Low,
    }
}

/// The viral bar for a post: the configured engagement, or 1 % of its author's
/// audience when that is more (a large account's posts are always seen a lot).
fn viral_bar(viral: f64, followers: u64) -> f64 {
    viral.max(followers as f64 / 100.0)
}

/// Categories that people mix up for one problem share a cluster: "charged twice, want
/// my money back" is billing to one scorer cue and refund to another.
fn family(c: Category) -> Category {
    match c {
        Category::Refund => Category::Billing,
        c => c,
    }
}

fn category_index(c: Category) -> usize {
    Category::ALL.iter().position(|x| *x == c).unwrap_or(0)
}

fn post_key(source: &str, id: &str) -> u64 {
    hash_parts(&[source, id])
}

/// A time as (seconds since the epoch, nanoseconds): ordered as the time is.
fn instant(t: DateTime<Utc>) -> (i64, u32) {
    (t.timestamp(), t.timestamp_subsec_nanos())
}

fn term_key(t: &str) -> u64 {
    let mut h = Fnv::new();
    h.write(t.as_bytes());
    h.finish()
}

/// One person: their handle on one source; a post without an author is its own person.
pub(super) fn author_key(s: &Signal) -> u64 {
    match &s.author {
        // The same key as `hash_parts(&[source, &a.to_lowercase()])`, without the copy,
        // for the handles that are ASCII (nearly all).
        Some(a) if a.is_ascii() => {
            let mut h = Fnv::new();
            h.write(s.source.as_bytes());
            h.write(&[0xff]);
            for b in a.bytes() {
                h.write(&[b.to_ascii_lowercase()]);
            }
            h.write(&[0xff]);
            h.finish()
        }
        Some(a) => hash_parts(&[&s.source, &a.to_lowercase()]),
        None => hash_parts(&[&s.source, "#", &s.id]),
    }
}

fn incident_id(group: &str, first: &Signal, now: DateTime<Utc>) -> String {
    let h = hash_parts(&[group, &first.source, &first.id]);
    format!("inc-{}-{:06x}", now.format("%Y%m%d-%H%M"), h & 0xff_ffff)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A window's edge by seconds and nanoseconds is chrono's `now - mins`.
        #[test]
        fn an_instant_orders_as_the_time(
            a in 0i64..4_000_000_000, an in 0u32..1_000_000_000,
            now in 0i64..4_000_000_000, nn in 0u32..1_000_000_000,
            mins in 0i64..100_000,
        ) {
            let at = DateTime::from_timestamp(a, an).expect("in range");
            let now = DateTime::from_timestamp(now, nn).expect("in range");
            let (s, n) = instant(now);
            proptest::prop_assert_eq!(instant(at) <= (s - mins * 60, n), at <= now - Duration::minutes(mins));
            // On the edge, and just past it.
            let edge = now - Duration::minutes(mins);
            proptest::prop_assert!(instant(edge) <= (s - mins * 60, n));
            proptest::prop_assert!(instant(edge + Duration::nanoseconds(1)) > (s - mins * 60, n));
        }

        /// A person's key is their handle lowercased on their source, ASCII or not.
        #[test]
        fn an_author_key_is_the_lowercased_handle(source in "[a-z]{1,8}", handle in "(?s).{0,24}", ascii in "[ -~]{0,24}") {
            for handle in [handle, ascii] {
                let mut s = crate::spread::tests::complaint("1", &handle, 0);
                s.source = source.clone();
                proptest::prop_assert_eq!(author_key(&s), hash_parts(&[&source, &handle.to_lowercase()]));
            }
        }
    }
}
