//! Making untrusted text safe for each chat service, and fitting it in their limits.
//!
//! Everything inside an alert that came from the outside (post text, authors, source
//! names, terms, even URLs) is untrusted: it must never ping anyone (`@channel`,
//! `@here`, `@everyone`, `<!channel>`, `<@U123>`, `<@&role>`), never inject markup, and
//! never show a link whose label hides where it goes. Each service gets its own escape;
//! all of them first [`defang`] mentions. Pure functions, no IO.

/// Zero-width space: invisible, but it breaks the tokens services turn into pings.
const ZWSP: char = '\u{200B}';

/// Breaks every mention token: a zero-width space after each `@` (`@here`, `@channel`,
/// `@everyone`, `@all`, `@user`), after `<` when `!`, `@` or `#` follows (Slack's and
/// Mattermost's `<!channel>`, `<@U123>`, `<#C123>`), and control characters (other than
/// newline and tab) are dropped.
pub fn defang(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // Already broken (defang is idempotent): keep as is.
            '@' | '＠' if chars.peek() == Some(&ZWSP) => out.push(c),
            '@' | '＠' => {
                out.push(c);
                out.push(ZWSP);
            }
            '<' if matches!(chars.peek(), Some('!' | '@' | '#')) => {
                out.push(c);
                out.push(ZWSP);
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            // Bidirectional overrides can make a link or a name read backwards.
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Slack mrkdwn: `&`, `<` and `>` as entities (the only escapes Slack has), after
/// [`defang`]. With `<` escaped no `<url|label>` link, `<!here>` or `<@U…>` can be formed.
pub fn slack(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in defang(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// Markdown (Discord, Mattermost, Teams): a backslash before every character Markdown
/// (and its chat dialects) gives a meaning to, after [`defang`]. Masked links
/// `[label](url)`, headings, quotes, code, spoilers and emphasis all come out literal.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in defang(s).chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '~'
                | '|'
                | '>'
                | '<'
                | '#'
                | '-'
                | '+'
                | '='
                | '['
                | ']'
                | '('
                | ')'
                | '!'
                | ':'
                | '{'
                | '}'
                | '.'
                | '$'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// HTML text (Google Chat card widgets): `&`, `<`, `>` and quotes as entities, after
/// [`defang`].
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in defang(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

/// Google Chat's plain `text` has no escapes: `<url|label>` and `<users/all>` are formed
/// with angle brackets, and `*`, `_`, `~`, `` ` `` format. Angle brackets become their
/// look-alikes and a zero-width space goes before each formatting character, after
/// [`defang`].
pub fn google_chat(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in defang(s).chars() {
        match c {
            '<' => out.push('‹'),
            '>' => out.push('›'),
            '*' | '_' | '~' | '`' => {
                out.push(ZWSP);
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A URL fit to be a link target: http(s) only, no whitespace, no characters that end a
/// Slack link (`|`, `>`) or a Markdown one (`)`), at most 2,000 characters. Anything
/// else is not linked at all.
pub fn safe_url(url: Option<&str>) -> Option<String> {
    let url = url?.trim();
    let lower = url.to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.len() <= 2000
        && url.len() > "https://".len()
        && !url.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '|' | '<' | '>' | '"' | '`'));
    // Parentheses are legal in URLs; encode them so a Markdown link cannot be cut short.
    ok.then(|| url.replace('(', "%28").replace(')', "%29"))
}

/// Cuts `raw` so that `escape(cut)` is at most `max` characters, marking a cut with "…".
/// Escaping can lengthen text, so the cut is made on the raw text and never splits an
/// escape sequence.
pub fn fit(raw: &str, max: usize, escape: fn(&str) -> String) -> String {
    let escaped = escape(raw);
    if escaped.chars().count() <= max {
        return escaped;
    }
    let mut keep = raw.chars().count().min(max);
    loop {
        let cut: String = raw.chars().take(keep.saturating_sub(1)).collect();
        let mut out = escape(cut.trim_end());
        out.push('…');
        let len = out.chars().count();
        if len <= max || keep <= 1 {
            return if len <= max { out } else { "…".to_string() };
        }
        // Shrink in proportion to how much escaping grew the text, at least by one.
        let next = (keep as u128 * max as u128 / len as u128) as usize;
        keep = next.min(keep - 1);
    }
}

/// One line: newlines and runs of whitespace become single spaces.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(f: fn(&str) -> String, input: &str, expected: &str) {
        assert_eq!(f(input), expected, "input {input:?}");
    }

    #[test]
    fn mentions_never_survive() {
        check(defang, "@here @channel", "@\u{200B}here @\u{200B}channel");
        check(defang, "<!channel> <@U123> <#C1>", "<\u{200B}!channel> <\u{200B}@\u{200B}U123> <\u{200B}#C1>");
        check(defang, "a\u{202E}b\u{0007}c\nd", "abc\nd");
        assert_eq!(defang(&defang("@here <@U1>")), defang("@here <@U1>"));
    }

    #[test]
    fn slack_escapes_the_three_characters() {
        check(slack, "a & b < c > d", "a &amp; b &lt; c &gt; d");
        check(
            slack,
            "<https://evil.example|https://bank.example>",
            "&lt;https://evil.example|https://bank.example&gt;",
        );
        check(slack, "<!here>", "&lt;\u{200B}!here&gt;");
    }

    #[test]
    fn markdown_links_and_markup_are_literal() {
        check(markdown, "[bank](https://evil.example)", r"\[bank\]\(https\://evil\.example\)");
        check(markdown, "**bold** # h", r"\*\*bold\*\* \# h");
        check(markdown, "@everyone", "@\u{200B}everyone");
    }

    #[test]
    fn html_and_google_chat_plain_text() {
        check(html, "<b>x</b> & \"y\"\nz", "&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;<br>z");
        check(google_chat, "<users/all> *b*", "‹users/all› \u{200B}*b\u{200B}*");
    }

    #[test]
    fn only_plain_http_urls_are_links() {
        assert_eq!(safe_url(Some("https://x.example/a(b)")), Some("https://x.example/a%28b%29".into()));
        assert_eq!(safe_url(Some("javascript:alert(1)")), None);
        assert_eq!(safe_url(Some("https://x.example/|label")), None);
        assert_eq!(safe_url(Some("https://x.example/a b")), None);
        assert_eq!(safe_url(None), None);
    }

    #[test]
    fn fitting_never_splits_an_escape() {
        let raw = "&".repeat(100);
        let out = fit(&raw, 23, slack);
        assert!(out.chars().count() <= 23, "{out}");
        assert!(out.ends_with("&amp;…"), "{out}");
        assert_eq!(fit("short", 10, slack), "short");
        assert_eq!(fit("ααααααααα", 4, slack), "ααα…");
    }
}
