//! HTML to plain text, for post bodies that sources give as HTML: tags dropped, block
//! ends turned into line breaks, entities decoded, link targets kept as URLs when the
//! link text does not already show them.

/// Converts an HTML fragment to plain text.
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut pending_href: Option<String> = None;
    let mut link_text_start = 0;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..lt]));
        let Some(gt) = rest[lt..].find('>') else {
            out.push_str(&decode_entities(&rest[lt..]));
            rest = "";
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let closing = tag.starts_with('/');
        match name.as_str() {
            "br" => out.push('\n'),
            "p" | "div" | "li" | "blockquote" | "pre" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "tr" | "title"
            | "center" | "table" | "ul" | "ol"
                if closing && !out.ends_with('\n') && !out.is_empty() =>
            {
                out.push('\n');
            }
            "p" | "div" | "li" | "blockquote" | "pre" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "tr" | "title"
            | "center" | "table" | "ul" | "ol"
                if closing => {}
            "p" | "div" | "li" | "blockquote" | "pre" if !out.is_empty() && !out.ends_with('\n') => out.push('\n'),
            "a" if !closing => {
                pending_href = attr(tag, "href").map(|h| decode_entities(&h));
                link_text_start = out.len();
            }
            "a" if closing => {
                if let Some(href) = pending_href.take() {
                    let shown = &out[link_text_start.min(out.len())..];
                    let tag_or_mention = shown.starts_with('#') || shown.starts_with('@');
                    let shows_url = shown.contains("://") || href.contains(shown.trim_end_matches('…').trim());
                    if (href.starts_with("http://") || href.starts_with("https://")) && !shows_url && !tag_or_mention {
                        out.push_str(&format!(" ({href})"));
                    } else if shows_url && shown.ends_with('…') {
                        out.truncate(link_text_start);
                        out.push_str(&href);
                    }
                }
            }
            "script" | "style" if !closing => {
                let end = format!("</{name}");
                match rest.to_ascii_lowercase().find(&end) {
                    Some(i) => rest = &rest[i..],
                    None => rest = "",
                }
            }
            _ => {}
        }
    }
    out.push_str(&decode_entities(rest));
    let lines: Vec<&str> = out.lines().map(str::trim).collect();
    let mut text = lines.join("\n");
    while text.contains("\n\n\n") {
        text = text.replace("\n\n\n", "\n\n");
    }
    text.trim().to_string()
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let i = lower.find(&format!("{name}="))?;
    let v = &tag[i + name.len() + 1..];
    let (quote, v) = match v.chars().next()? {
        q @ ('"' | '\'') => (Some(q), &v[1..]),
        _ => (None, v),
    };
    let end = match quote {
        Some(q) => v.find(q)?,
        None => v.find(char::is_whitespace).unwrap_or(v.len()),
    };
    Some(v[..end].to_string())
}

/// Decodes named (the common ones) and numeric character references.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                "hellip" => Some('…'),
                "mdash" => Some('—'),
                "ndash" => Some('–'),
                "rsquo" => Some('’'),
                "lsquo" => Some('‘'),
                "ldquo" => Some('“'),
                "rdquo" => Some('”'),
                _ if name.starts_with("#x") || name.starts_with("#X") => {
                    u32::from_str_radix(&name[2..], 16).ok().and_then(char::from_u32)
                }
                _ if name.starts_with('#') => name[1..].parse::<u32>().ok().and_then(char::from_u32),
                _ => None,
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(html: &str, text: &str) {
        assert_eq!(to_text(html), text, "{html}");
    }

    #[test]
    fn strips_tags_and_keeps_meaning() {
        check(
            "We moved off <i>AcmeCloud</i> after the outage; support never replied.",
            "We moved off AcmeCloud after the outage; support never replied.",
        );
        check(
            "<p>Third <a href=\"https://x/tags/a\" class=\"mention hashtag\">#<span>acme</span></a> outage.</p><p>Again</p>",
            "Third #acme outage.\nAgain",
        );
        check(
            "see <a href=\"https://status.example/88\">the status page</a>",
            "see the status page (https://status.example/88)",
        );
        check(
            "<a href=\"https://example.com/a/very/long/path\">example.com/a/very/…</a>",
            "https://example.com/a/very/long/path",
        );
        check("a&amp;b &lt;3 &#39;x&#x27; &bogus; & done", "a&b <3 'x' &bogus; & done");
        check("line<br>break<br/>", "line\nbreak");
        check("<script>alert(1)</script>safe", "safe");
        check("unclosed <b", "unclosed <b");
        check(
            "<html><head><title>403 Forbidden</title></head><body><h1>403 Forbidden</h1></body></html>",
            "403 Forbidden\n403 Forbidden",
        );
    }
}
