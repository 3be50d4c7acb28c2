use chrono::{DateTime, Duration, Utc};

use super::*;
use crate::spread::{Alert, AlertKind, Severity};

fn t(min: i64) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-16T08:00:00Z").unwrap().with_timezone(&Utc) + Duration::minutes(min)
}

fn mention(id: &str, likes: u64, observed: i64) -> Mention {
    let mut m = Mention::new("x", id, &format!("post {id}"), t(0));
    m.likes = likes;
    m.observed_at = t(observed);
    m.author = Some(format!("a{id}"));
    m
}

fn alert(incident: &str, kind: AlertKind, severity: Severity, mentions: &[&str]) -> Alert {
    Alert {
        incident: incident.into(),
        group: "outage".into(),
        kind,
        at: t(10),
        severity,
        category: Some(crate::score::Category::Outage),
        headline: "Complaint spreading: outage".into(),
        reasons: vec!["3 complaints from 3 people in 10 min".into()],
        samples: Vec::new(),
        mentions: mentions.iter().map(|id| ("x".to_string(), id.to_string())).collect(),
        opened_at: t(10),
    }
}

#[test]
fn processes_opening_a_new_file_at_once_all_get_the_store() {
    // `repwatch run` and a `repwatch export` started beside it open a new file together;
    // each switches it to WAL, which SQLite refuses at once (no busy wait) to all but one.
    let dir = tempfile::tempdir().unwrap();
    for round in 0..30 {
        let url = format!("sqlite://{}", dir.path().join(format!("s{round}.db")).display());
        let start = std::sync::Barrier::new(4);
        std::thread::scope(|s| {
            let opens: Vec<_> = (0..4)
                .map(|_| {
                    s.spawn(|| {
                        start.wait();
                        Store::open_blocking(&url).map(drop)
                    })
                })
                .collect();
            for open in opens {
                if let Err(e) = open.join().unwrap() {
                    panic!("round {round}: {e}");
                }
            }
        });
    }
}

#[tokio::test]
async fn mentions_are_stored_once_and_updates_keep_history() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("s.db").display());
    let store = Store::open(&url).await.unwrap();
    let cursor = CursorUpdate { source: "hn".into(), cursor: "{\"ts\":5}".into() };
    let (_, r) = store.ingest(vec![mention("1", 0, 0), mention("2", 0, 0)], vec![cursor]).await.unwrap();
    assert!(matches!(r[..], [Ingested::New { .. }, Ingested::New { .. }]));
    let (_, r) =
        store.ingest(vec![mention("1", 5, 10), mention("1", 5, 10), mention("2", 9, -5)], vec![]).await.unwrap();
    assert!(
        matches!(r[..], [Ingested::Updated { .. }, Ingested::Duplicate { .. }, Ingested::Duplicate { .. }]),
        "{r:?}"
    );
    assert_eq!(store.cursor("hn").await.unwrap().as_deref(), Some("{\"ts\":5}"));
    drop(store);
    // Reopening applies no migration twice and finds everything.
    let store = Store::open(&url).await.unwrap();
    let page = store.export_page(None, 10, None, None).await.unwrap();
    assert_eq!(page.len(), 2);
    assert_eq!((page[0].1.likes, page[0].1.observed_at), (5, t(10)));
    let history: i64 =
        store.read(|c| Ok(c.query_row("SELECT COUNT(*) FROM engagement", [], |r| r.get(0))?)).await.unwrap();
    assert_eq!(history, 3);
    assert_eq!(store.unscored(10).await.unwrap().len(), 2);
}

#[tokio::test]
async fn the_outbox_records_each_alert_once_and_tracks_delivery() {
    let store = Store::open("sqlite::memory:").await.unwrap();
    store.ingest(vec![mention("1", 0, 0), mention("2", 0, 0)], vec![]).await.unwrap();
    let a = alert("inc-1", AlertKind::Opened, Severity::Low, &["1", "2"]);
    assert!(store.record_alert(a.clone(), vec!["ops".into(), "backup".into()]).await.unwrap());
    assert!(!store.record_alert(a.clone(), vec!["ops".into()]).await.unwrap());
    let due = store.due_deliveries("ops", Utc::now(), 10).await.unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].alert, a);
    let webhook_id = due[0].webhook_id.clone();
    store.mark_failed(due[0].id, "http 503".into(), Some(Utc::now() + Duration::hours(1))).await.unwrap();
    assert!(store.due_deliveries("ops", Utc::now(), 10).await.unwrap().is_empty());
    let later = store.due_deliveries("ops", Utc::now() + Duration::hours(2), 10).await.unwrap();
    assert_eq!((later[0].webhook_id.as_str(), later[0].attempts), (webhook_id.as_str(), 1));
    store.mark_sent(later[0].id, t(11)).await.unwrap();
    let backup = store.due_deliveries("backup", Utc::now(), 10).await.unwrap();
    store.mark_failed(backup[0].id, "http 404".into(), None).await.unwrap();
    let dead = store.deliveries(Some("dead".into()), 10).await.unwrap();
    assert_eq!(dead.len(), 1);
    assert!(store.redeliver(dead[0].id).await.unwrap());
    assert!(!store.redeliver(dead[0].id).await.unwrap());
    let inc = store.incident("inc-1").await.unwrap().unwrap();
    assert_eq!(inc.first_delivered_at, Some(t(11)));
    assert_eq!(inc.mentions.len(), 2);
    assert_eq!(inc.status, IncidentStatus::Open);
}

#[tokio::test]
async fn incidents_escalate_get_acknowledged_and_resolved() {
    let store = Store::open("sqlite::memory:").await.unwrap();
    store.record_alert(alert("inc-1", AlertKind::Opened, Severity::Low, &[]), vec![]).await.unwrap();
    store.record_alert(alert("inc-1", AlertKind::Escalated, Severity::High, &[]), vec![]).await.unwrap();
    let open = store.open_incidents().await.unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].0.severity, Severity::High);
    let acked = store.acknowledge("inc-1", "dana", t(20)).await.unwrap();
    assert_eq!((acked.status, acked.acked_by.as_deref()), (IncidentStatus::Acknowledged, Some("dana")));
    let again = store.acknowledge("inc-1", "someone else", t(30)).await.unwrap();
    assert_eq!((again.acked_at, again.acked_by.as_deref()), (Some(t(20)), Some("dana")));
    let resolved = store.resolve("inc-1", "dana", t(40)).await.unwrap();
    assert_eq!(resolved.status, IncidentStatus::Resolved);
    assert_eq!(resolved.peak_severity, Severity::High);
    assert!(store.open_incidents().await.unwrap().is_empty());
    assert!(matches!(store.acknowledge("nope", "x", t(0)).await, Err(StoreError::NotFound(_))));
}

#[tokio::test]
async fn urls_other_than_sqlite_are_refused() {
    let err = Store::open("postgres://localhost/x").await.err().unwrap();
    assert!(err.to_string().contains("not supported"), "{err}");
}
