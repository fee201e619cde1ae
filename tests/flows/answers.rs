//! Reusable answers: staff keep how a ticket was resolved as an answer for its kind of
//! problem and pick it for the next similar ticket, at the command line and at the counter;
//! the owner's figures list the most common problems and their usual fixes. A wrong answer
//! number or an empty note to keep is refused and changes nothing.

use crate::common::{run, run_json};
use crate::counter_ui::{fill, harness, press, step_until};

fn open(dir: &std::path::Path, code: &str, summary: &str) -> String {
    run_json(
        dir,
        &[
            "ticket",
            "add",
            "--customer",
            code,
            "--summary",
            summary,
            "--problem",
            "service",
        ],
    )["id"]
        .to_string()
}

#[test]
fn a_kept_answer_resolves_the_next_ticket_and_shows_as_the_usual_fix() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let ann = run_json(d, &["customer", "add", "--name", "Ann Byrne"])["code"]
        .as_str()
        .unwrap()
        .to_string();
    let first = open(d, &ann, "Card will not scan");
    // Keeping needs words to keep: refused, and the ticket stays open.
    let (code, _, err) = run(d, &["ticket", "resolve", &first, "--keep"]);
    assert_ne!(code, 0);
    assert!(err.contains("say what was done to fix it"), "{err}");
    assert_eq!(run_json(d, &["ticket", "show", &first])["status"], "open");
    run_json(
        d,
        &[
            "ticket",
            "resolve",
            &first,
            "--note",
            "Printed a new card",
            "--keep",
            "--by",
            "Mia",
        ],
    );
    let second = open(d, &ann, "Card broken");
    // An answer that does not exist: refused, nothing changes.
    let (code, _, err) = run(d, &["ticket", "resolve", &second, "--answer", "42"]);
    assert_ne!(code, 0);
    assert!(err.contains("no kept answer 42"), "{err}");
    assert_eq!(run_json(d, &["ticket", "show", &second])["status"], "open");
    let answers = run_json(d, &["ticket", "answers", "--problem", "service"]);
    let id = answers["answers"][0]["id"].to_string();
    let resolved = run_json(d, &["ticket", "resolve", &second, "--answer", &id]);
    assert_eq!(resolved["status"], "resolved");
    let events = resolved["events"].as_array().unwrap();
    assert_eq!(events.last().unwrap()["body"], "Printed a new card");
    let answers = run_json(d, &["ticket", "answers"]);
    assert_eq!(answers["answers"].as_array().unwrap().len(), 1);
    assert_eq!(answers["answers"][0]["uses"], 2);
    let stats = run_json(d, &["stats"]);
    let common = &stats["figures"]["support"]["common_problems"];
    assert_eq!(common[0]["problem"], "service");
    assert_eq!(common[0]["tickets"], 2);
    assert_eq!(common[0]["fixes"][0]["body"], "Printed a new card");
    let (_, text, _) = run(d, &["stats"]);
    assert!(
        text.contains("Most common problems and their usual fixes"),
        "{text}"
    );
    assert!(text.contains("Printed a new card (2 ×)"), "{text}");
}

#[test]
fn at_the_counter_a_kept_answer_is_picked_to_resolve_a_ticket() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let ann = run_json(d, &["customer", "add", "--name", "Ann Byrne"])["code"]
        .as_str()
        .unwrap()
        .to_string();
    let first = open(d, &ann, "Card will not scan");
    run_json(
        d,
        &[
            "ticket",
            "resolve",
            &first,
            "--note",
            "Printed a new card",
            "--keep",
        ],
    );
    let second = open(d, &ann, "Card broken");
    let mut h = harness(d);
    h.run_steps(2);
    fill(&mut h, "Find customer (F2): card, phone or name", &ann);
    h.key_press(egui::Key::Enter);
    step_until(&mut h, "Ann on screen", |a| {
        a.counter.support_side().support.open_tickets.len() == 1
            && !a.counter.support_side().support.answers.is_empty()
    });
    h.run_steps(2);
    press(&mut h, &format!("Resolve #{second} with a fix…"));
    h.run_steps(3);
    press(&mut h, "Printed a new card (used 1 ×)");
    h.run_steps(2);
    press(&mut h, &format!("Resolve #{second} with this fix"));
    step_until(&mut h, "the resolution", |a| {
        a.counter.support_side().support.open_tickets.is_empty()
    });
    let t = run_json(d, &["ticket", "show", &second]);
    assert_eq!(t["status"], "resolved");
    assert_eq!(
        t["events"].as_array().unwrap().last().unwrap()["body"],
        "Printed a new card"
    );
    assert_eq!(run_json(d, &["ticket", "answers"])["answers"][0]["uses"], 2);
}
