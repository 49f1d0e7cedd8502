//! Fixture answers: a strong STAR answer must beat the same story without
//! its result, told as "we", padded with fillers, or missing the action.

use crate::content::interview::{
    Competency, InterviewKind, InterviewQuestion, KeyPoint, StarExample, Topic,
};

use super::detect::{sentences, split};
use super::score::{score_star, score_technical, speech_metrics, CriterionId, Feedback};
use super::words::{fillers, numbers, pronouns, specifics};
use super::{Part, StarAnswer};

fn question() -> InterviewQuestion {
    InterviewQuestion {
        id: "frustrated".into(),
        kind: InterviewKind::Behavioural,
        prompt: "Tell me about a time you dealt with a frustrated user.".into(),
        competency: Some(Competency::CustomerService),
        topic: None,
        key_points: vec![
            KeyPoint {
                id: "calm".into(),
                label: "stayed calm and acknowledged the frustration".into(),
                phrases: vec![
                    "acknowledged".into(),
                    "stayed calm".into(),
                    "apologised".into(),
                ],
                all: vec![],
            },
            KeyPoint {
                id: "listen".into(),
                label: "listened to the whole problem".into(),
                phrases: vec!["listened".into(), "let her finish".into()],
                all: vec![],
            },
            KeyPoint {
                id: "update".into(),
                label: "kept the user updated".into(),
                phrases: vec![
                    "updated".into(),
                    "kept her informed".into(),
                    "called her back".into(),
                ],
                all: vec![],
            },
        ],
        tips: vec![],
        example: Some(StarExample::default()),
        model_answer: None,
        follow_ups: vec![],
    }
}

fn strong() -> StarAnswer {
    StarAnswer {
        situation: "In my first month on the service desk at Northfield College, a finance manager called on the Friday before payroll because her laptop could not reach the shared drive.".into(),
        task: "My job was to get her working again before the 3 pm payroll deadline.".into(),
        action: "I stayed calm, acknowledged how stressful the deadline was and listened while she described everything she had tried. I checked the mapped drive and saw it pointed to the old file server, so I remapped it with the new path from our ServiceNow knowledge article. I walked her through signing out and back in, stayed on the line until the files opened, and I updated the ticket with the cause so the next technician would know. I also called her back on Monday to make sure nothing else had broken.".into(),
        result: "She met the deadline with 40 minutes to spare, and after I shared the fix, the knowledge article cut similar calls by about 30% that month.".into(),
    }
}

fn score(answer: &StarAnswer) -> Feedback {
    score_star(answer, &question())
}

fn criterion(f: &Feedback, id: CriterionId) -> f64 {
    f.criteria
        .iter()
        .find(|c| c.id == id)
        .map(|c| c.score)
        .unwrap()
}

#[test]
fn the_strong_answer_scores_high_and_needs_little() {
    let f = score(&strong());
    assert!(f.score >= 85, "{f:#?}");
    for c in &f.criteria {
        assert!(c.score > 0.7, "{:?} {}", c.id, c.detail);
    }
    assert_eq!(f.key_points.iter().filter(|k| k.found.is_some()).count(), 3);
}

#[test]
fn without_a_result_it_scores_lower_and_says_so() {
    let mut a = strong();
    a.result.clear();
    let f = score(&a);
    assert!(f.score < score(&strong()).score);
    assert_eq!(criterion(&f, CriterionId::QuantifiedResult), 0.0);
    assert!(criterion(&f, CriterionId::Structure) < 1.0);
    assert!(
        f.improvements.iter().any(|i| i.contains("Add the Result")),
        "{:?}",
        f.improvements
    );
}

#[test]
fn told_as_we_it_scores_lower_on_ownership() {
    let mut a = strong();
    a.action = a
        .action
        .replace("I ", "we ")
        .replace(" I,", " we,")
        .replace("I stayed", "We stayed")
        .replace("I checked", "We checked")
        .replace("I walked", "We walked")
        .replace("I updated", "we updated")
        .replace("I also", "We also");
    let f = score(&a);
    assert!(
        criterion(&f, CriterionId::Ownership) < 0.3,
        "{}",
        f.criteria
            .iter()
            .find(|c| c.id == CriterionId::Ownership)
            .unwrap()
            .detail
    );
    assert!(f.score < score(&strong()).score);
    let ours = f
        .criteria
        .iter()
        .find(|c| c.id == CriterionId::Ownership)
        .unwrap();
    assert!(ours
        .highlights
        .iter()
        .any(|h| !h.good && a.action[h.start..h.end].eq_ignore_ascii_case("we")));
}

#[test]
fn padded_with_fillers_it_scores_lower_and_the_fillers_are_shown() {
    let mut a = strong();
    a.action = format!(
        "Um, so basically I kind of, like, {} I guess it was sort of fine, you know.",
        a.action
    );
    let f = score(&a);
    assert!(criterion(&f, CriterionId::Fillers) < 1.0);
    assert!(f.score < score(&strong()).score);
    let shown: Vec<&str> = f
        .criteria
        .iter()
        .find(|c| c.id == CriterionId::Fillers)
        .unwrap()
        .highlights
        .iter()
        .map(|h| &a.action[h.start..h.end])
        .collect();
    assert!(
        shown.contains(&"basically")
            && shown.contains(&"kind of")
            && shown.contains(&"like")
            && shown.contains(&"you know"),
        "{shown:?}"
    );
}

#[test]
fn missing_the_action_it_scores_lower_on_structure_and_bulk() {
    let mut a = strong();
    a.action.clear();
    let f = score(&a);
    assert_eq!(criterion(&f, CriterionId::ActionBulk), 0.0);
    assert!(criterion(&f, CriterionId::Structure) <= 0.75);
    assert!(f.score < score(&strong()).score - 20);
}

#[test]
fn length_is_judged_against_one_to_two_minutes() {
    let short = StarAnswer {
        situation: "A user was upset.".into(),
        task: "Fix it.".into(),
        action: "I fixed it.".into(),
        result: "Done.".into(),
    };
    assert!(criterion(&score(&short), CriterionId::Length) < 0.2);
    let mut long = strong();
    long.action = long.action.repeat(4);
    assert!(criterion(&score(&long), CriterionId::Length) < 1.0);
    assert_eq!(criterion(&score(&strong()), CriterionId::Length), 1.0);
}

#[test]
fn specific_details_are_counted() {
    let vague = StarAnswer {
        situation: "once a person at work had a problem with a computer and was not happy about it at all".into(),
        task: "i had to help them out".into(),
        action: "i looked into the problem and tried a few things and eventually it worked after some time and i told them what had happened and they were ok".into(),
        result: "the person was happy in the end and things went back to normal".into(),
    };
    let f = score(&vague);
    assert!(criterion(&f, CriterionId::Specificity) < 0.5);
    assert_eq!(criterion(&score(&strong()), CriterionId::Specificity), 1.0);
}

#[test]
fn key_points_give_partial_credit_by_stem_and_synonym() {
    let mut a = strong();
    a.action = "I listened to everything she said, then I remapped the drive and checked it worked with her on the line for the whole time.".into();
    let f = score(&a);
    let found = f.key_points.iter().filter(|k| k.found.is_some()).count();
    assert_eq!(found, 1, "{:?}", f.key_points);
    assert!((criterion(&f, CriterionId::KeyPoints) - 1.0 / 3.0).abs() < 1e-9);
    let (part, start, end) = f.key_points[1].found.unwrap();
    assert_eq!(part, Part::Action);
    assert_eq!(&a.action[start..end], "listened");
}

#[test]
fn improvements_are_the_biggest_losses_at_most_three() {
    let a = StarAnswer {
        situation: "Um, we had an outage.".into(),
        task: String::new(),
        action: "We fixed it.".into(),
        result: "It was fine.".into(),
    };
    let f = score(&a);
    assert!(!f.improvements.is_empty() && f.improvements.len() <= 3);
    assert!(f.score < 40, "{}", f.score);
}

#[test]
fn scoring_is_deterministic() {
    assert_eq!(score(&strong()), score(&strong()));
}

#[test]
fn free_text_is_split_into_star_parts_by_cues() {
    let text = "Last winter our VPN went down for the whole sales team. My job was to keep them working. So I set up a temporary remote desktop gateway and I called each rep to walk them through it. As a result all 12 reps were back online within an hour.";
    let a = split(text);
    assert!(a.situation.starts_with("Last winter"));
    assert!(a.task.starts_with("My job"));
    assert!(a.action.starts_with("So I set up"));
    assert!(a.result.starts_with("As a result"));
    assert_eq!(sentences("One. Two! Three?\nFour").len(), 4);
    // Parts never go backwards: a late task cue stays in the Action.
    let a = split("There was an outage. I checked the logs. I had to be quick.");
    assert!(a.action.contains("I had to be quick"));
}

#[test]
fn word_features_are_found_where_they_are() {
    assert_eq!(numbers("cut calls by 30% in two weeks").len(), 2);
    let (mine, ours) = pronouns("I called, we waited, my fix, our team");
    assert_eq!((mine.len(), ours.len()), (2, 2));
    assert_eq!(
        fillers("I like Linux.").len(),
        0,
        "'like' as a verb is not a filler"
    );
    assert_eq!(fillers("it was, like, slow").len(), 1);
    assert_eq!(
        fillers("something you know and something you have").len(),
        0
    );
    assert_eq!(fillers("it was fine, you know.").len(), 1);
    let text = "I reset it in Active Directory on Monday for 3 users";
    let found: Vec<&str> = specifics(text)
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect();
    assert_eq!(found, vec!["Active", "Directory", "Monday", "3"]);
}

#[test]
fn technical_answers_are_scored_on_key_points() {
    let q = InterviewQuestion {
        id: "dns".into(),
        kind: InterviewKind::Technical,
        prompt: "What does DNS do?".into(),
        competency: None,
        topic: Some(Topic::Networking),
        key_points: vec![
            KeyPoint {
                id: "names".into(),
                label: "turns names into IP addresses".into(),
                phrases: vec!["ip address".into(), "resolve".into()],
                all: vec![],
            },
            KeyPoint {
                id: "test".into(),
                label: "how to test it (nslookup)".into(),
                phrases: vec!["nslookup".into(), "dig".into()],
                all: vec![],
            },
        ],
        tips: vec![],
        example: None,
        model_answer: Some("...".into()),
        follow_ups: vec![],
    };
    let good = "DNS resolves names like intranet.example.com to an IP address, so people do not have to remember numbers. When a user cannot reach a site by name but can by address, I test with nslookup to see which server answers and whether the record is right, then flush the cache with ipconfig /flushdns.";
    let weak = "It is a network thing that helps computers find websites, I think.";
    let g = score_technical(good, &q);
    let w = score_technical(weak, &q);
    assert!(g.score > w.score + 40, "{} vs {}", g.score, w.score);
    assert_eq!(g.key_points.iter().filter(|k| k.found.is_some()).count(), 2);
}

#[test]
fn speech_pace_and_fillers_per_minute() {
    let text = "um ".repeat(4) + &"word ".repeat(116);
    let (wpm, fpm) = speech_metrics(&text, 60.0);
    assert_eq!(wpm, 120);
    assert!((fpm - 4.0).abs() < 1e-9);
}

#[test]
fn authors_are_warned_when_an_example_misses_its_own_key_points() {
    use crate::content::library::{Library, Source};
    let set = serde_json::json!({
        "kind": "interview-set",
        "questions": [{
            "id": "q", "type": "technical", "prompt": "What does DHCP do?", "topic": "networking",
            "key_points": [
                { "id": "a", "label": "hands out addresses", "phrases": ["address"] },
                { "id": "b", "label": "leases", "phrases": ["lease"] },
                { "id": "c", "label": "APIPA when it fails", "phrases": ["apipa", "169.254"] }
            ],
            "tips": ["Say what happens when it fails."],
            "model_answer": "It configures computers automatically."
        }]
    });
    let sources = vec![Source::new("i.json", set.to_string())];
    let plain = Library::load(sources.clone());
    assert!(
        plain.findings.is_empty(),
        "the browser load skips authoring checks"
    );
    assert_eq!(plain.library.interview.len(), 1);
    let authoring = Library::load_for_authoring(sources);
    assert_eq!(authoring.findings.len(), 1);
    assert!(
        authoring.findings[0]
            .message
            .contains("covers only 0 of 3 key points"),
        "{}",
        authoring.findings[0]
    );
}
