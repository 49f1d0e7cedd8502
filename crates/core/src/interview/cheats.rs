//! Answers written by a test-wise learner to beat the scorer, and the rule
//! that stops each. Every cheat must land in the lowest band
//! ([`Band::NotYet`], below 40) with all rules on, while a good answer in
//! other words (stems and synonyms, not the author's phrases) reaches the
//! top half (50 or more). Each test also scores the cheat with its own rule
//! switched off and checks that it would then escape the lowest band, so the
//! test fails if the rule is removed.

use crate::content::interview::{
    Competency, InterviewKind, InterviewQuestion, KeyPoint, StarExample, Topic,
};

use super::detect::split;
use super::score::{score_star_with, score_technical_with, Band, Feedback, Rules};
use super::StarAnswer;

fn kp(id: &str, label: &str, phrases: &[&str]) -> KeyPoint {
    KeyPoint {
        id: id.into(),
        label: label.into(),
        phrases: phrases.iter().map(|p| p.to_string()).collect(),
        all: vec![],
    }
}

fn kp_all(id: &str, label: &str, groups: &[&[&str]]) -> KeyPoint {
    KeyPoint {
        id: id.into(),
        label: label.into(),
        phrases: vec![],
        all: groups
            .iter()
            .map(|g| g.iter().map(|p| p.to_string()).collect())
            .collect(),
    }
}

fn technical(prompt: &str, key_points: Vec<KeyPoint>) -> InterviewQuestion {
    InterviewQuestion {
        id: "t".into(),
        kind: InterviewKind::Technical,
        prompt: prompt.into(),
        competency: None,
        topic: Some(Topic::Networking),
        key_points,
        tips: vec![],
        example: None,
        model_answer: Some("...".into()),
        follow_ups: vec![],
    }
}

/// A question whose key points are written the old way, with words of the
/// prompt among their phrases: what made echoing pay.
fn cloud() -> InterviewQuestion {
    technical(
        "What is the difference between SaaS, PaaS and IaaS?",
        vec![
            kp(
                "saas",
                "SaaS: the provider runs the whole application",
                &["saas", "microsoft 365", "provider runs"],
            ),
            kp(
                "paas",
                "PaaS: you deploy code on a managed platform",
                &["paas", "app service", "deploy code"],
            ),
            kp(
                "iaas",
                "IaaS: you rent virtual machines and manage the OS",
                &["iaas", "virtual machine", "patch the os"],
            ),
            kp(
                "shared",
                "the shared responsibility model",
                &["shared responsibility", "who patches"],
            ),
        ],
    )
}

/// "A user cannot open any website, but Teams calls work."
fn no_websites() -> InterviewQuestion {
    technical(
        "A user cannot open any website, but Teams calls still work. What do you check?",
        vec![
            kp(
                "dns",
                "name resolution (DNS, nslookup)",
                &["dns", "nslookup", "name resolution"],
            ),
            kp(
                "proxy",
                "the browser's proxy settings",
                &["proxy", "pac file"],
            ),
            kp(
                "scope",
                "whether other users are affected",
                &["other users", "anyone else", "colleagues"],
            ),
            kp(
                "cause",
                "the least invasive fix first",
                &["flush", "ipconfig"],
            ),
        ],
    )
}

fn frustrated() -> InterviewQuestion {
    InterviewQuestion {
        id: "frustrated".into(),
        kind: InterviewKind::Behavioural,
        prompt: "Tell me about a time you dealt with a frustrated user.".into(),
        competency: Some(Competency::CustomerService),
        topic: None,
        key_points: vec![
            kp(
                "calm",
                "stayed calm and acknowledged the frustration",
                &["acknowledged", "stayed calm", "apologised"],
            ),
            kp(
                "listen",
                "listened to the whole problem",
                &["listened", "let her finish"],
            ),
            kp(
                "update",
                "kept the user updated",
                &["updated", "kept her informed", "called her back"],
            ),
        ],
        tips: vec![],
        example: Some(StarExample::default()),
        model_answer: None,
        follow_ups: vec![],
    }
}

fn tech(text: &str, q: &InterviewQuestion, rules: Rules) -> Feedback {
    score_technical_with(text, q, rules)
}

fn lowest(f: &Feedback) {
    assert_eq!(f.band, Band::NotYet, "{} {f:#?}", f.score);
    assert!(f.score < Band::DEVELOPING);
}

fn escapes(f: &Feedback) {
    assert!(f.score >= Band::DEVELOPING, "without its rule: {}", f.score);
}

const ALL: Rules = Rules::ALL;

// ---- technical answers ----

#[test]
fn technical_keyword_stuffing_is_not_an_answer() {
    let q = no_websites();
    let cheat = "DNS nslookup name resolution proxy PAC file other users anyone else colleagues flush ipconfig browser cache DHCP gateway firewall";
    let f = tech(cheat, &q, ALL);
    lowest(&f);
    assert!(!f.lists.is_empty(), "the list is shown as a list");
    assert!(
        f.improvements[0].contains("sentences"),
        "{:?}",
        f.improvements
    );
    escapes(&tech(
        cheat,
        &q,
        Rules {
            prose: false,
            ..ALL
        },
    ));
}

#[test]
fn echoing_the_prompt_earns_no_key_points() {
    let q = cloud();
    let cheat = "SaaS, PaaS and IaaS are the three cloud models. The difference between SaaS, PaaS and IaaS is that SaaS is SaaS, PaaS is PaaS and IaaS is IaaS, and each of them is a different kind of cloud.";
    let f = tech(cheat, &q, ALL);
    lowest(&f);
    assert!(f.key_points.iter().all(|k| k.found.is_none()));
    assert!(f.key_points[0]
        .unearned
        .as_deref()
        .is_some_and(|u| u.contains("question")));
    escapes(&tech(
        cheat,
        &q,
        Rules {
            prompt_words: false,
            ..ALL
        },
    ));
}

#[test]
fn a_confidently_wrong_answer_is_flagged_and_earns_nothing() {
    let q = no_websites();
    let cheat = "It is definitely not DNS, so there is no need to run nslookup. I would never touch the proxy settings either. Instead of asking whether other users are affected, I would just reinstall Windows rather than flush anything. Reinstalling always works in my experience and the user is happy afterwards.";
    let f = tech(cheat, &q, ALL);
    lowest(&f);
    let flagged: Vec<&str> = f
        .key_points
        .iter()
        .filter_map(|k| k.contradicted)
        .map(|(_, s, e)| &cheat[s..e])
        .collect();
    assert!(
        flagged.contains(&"It is definitely not DNS, so there is no need to run nslookup"),
        "{flagged:?}"
    );
    assert_eq!(flagged.len(), 4, "{flagged:?}");
    assert!(f.improvements.iter().any(|i| i.contains("contradicts")));
    escapes(&tech(
        cheat,
        &q,
        Rules {
            negation: false,
            ..ALL
        },
    ));
}

#[test]
fn word_salad_with_numbers_is_not_an_answer() {
    let q = no_websites();
    let cheat = "I DNS 3 I proxy 40% I nslookup 12 users I colleagues 5 I flush 2 ipconfig I 100 PAC file I 7";
    lowest(&tech(cheat, &q, ALL));
    escapes(&tech(
        cheat,
        &q,
        Rules {
            prose: false,
            ..ALL
        },
    ));
}

#[test]
fn a_good_technical_answer_in_other_words_reaches_the_top_half() {
    let q = no_websites();
    // Stems and inflections, not the author's phrases word for word.
    let good = "Because Teams still works, the connection itself is up, so I would suspect name resolution first. I would run nslookup against a site the user can't open and compare it with a colleague's machine, and ask whether anyone else on the floor has the same trouble. Then I would look at the browser's proxy configuration, since a wrong PAC file breaks web traffic while Teams keeps working. If the lookups fail I would flush the DNS cache with ipconfig before anything more invasive.";
    let f = tech(good, &q, ALL);
    assert!(f.score >= 50, "{f:#?}");
    assert!(f.band >= Band::Good);
    assert!(f.key_points.iter().all(|k| k.contradicted.is_none()));
}

#[test]
fn a_prompt_word_still_helps_when_the_fact_is_stated_with_it() {
    // The concept groups: "SaaS" (from the prompt) and what it means.
    let q = technical(
        "What is the difference between SaaS, PaaS and IaaS?",
        vec![
            kp_all(
                "saas",
                "SaaS: the provider runs the application",
                &[
                    &["saas", "software as a service"],
                    &["provider runs", "vendor runs", "vendor manages"],
                ],
            ),
            kp("x", "x", &["xyzzy"]),
            kp("y", "y", &["plugh"]),
        ],
    );
    let said = tech(
        "With SaaS the vendor runs everything and you only sign in.",
        &q,
        ALL,
    );
    assert!(
        said.key_points[0].found.is_some(),
        "{:?}",
        said.key_points[0]
    );
    let half = tech("SaaS is one of the three models you can buy.", &q, ALL);
    assert!(half.key_points[0].found.is_none());
}

// ---- key points with several concepts, and general words ----

#[test]
fn a_key_point_with_several_concepts_needs_each() {
    let q = technical(
        "A laptop's drive must be replaced. What do you do about encryption?",
        vec![
            kp_all(
                "rotate",
                "rotates the BitLocker recovery key",
                &[&["bitlocker"], &["rotate", "new recovery key", "rotated"]],
            ),
            kp_all(
                "esd",
                "ESD safety",
                &[
                    &["esd", "antistatic", "anti-static"],
                    &["strap", "mat", "ground"],
                ],
            ),
            kp("ticket", "records the new key in the ticket", &["ticket"]),
        ],
    );
    let one = tech(
        "I would suspend BitLocker before I swap the drive.",
        &q,
        ALL,
    );
    assert!(one.key_points[0].found.is_none());
    assert!(one.key_points[0]
        .unearned
        .as_deref()
        .is_some_and(|u| u.contains("part")));
    let both = tech(
        "After the swap I rotated the BitLocker key, and I wore an ESD strap on a grounded mat.",
        &q,
        ALL,
    );
    assert!(both.key_points[0].found.is_some() && both.key_points[1].found.is_some());
    // A general word alone earns nothing specific.
    let generic = tech(
        "I would escalate the ticket to the user's manager.",
        &q,
        ALL,
    );
    assert!(generic.key_points.iter().all(|k| k.found.is_none()));
    let without = tech(
        "I would escalate the ticket to the user's manager.",
        &q,
        Rules {
            generic_words: false,
            ..ALL
        },
    );
    assert!(without.key_points[2].found.is_some());
}

// ---- behavioural (STAR) answers ----

fn strong() -> StarAnswer {
    StarAnswer {
        situation: "In my first month on the service desk at Northfield College, a finance manager called on the Friday before payroll because her laptop could not reach the shared drive.".into(),
        task: "My job was to get her working again before the 3 pm payroll deadline.".into(),
        action: "I kept calm, apologised for the wait and heard her out while she described everything she had tried, listening without interrupting. I checked the mapped drive and saw it pointed to the old file server, so I remapped it with the new path from our ServiceNow knowledge article. I walked her through signing out and back in, stayed on the line until the files opened, and I kept her informed at each step. I also rang her on Monday to make sure nothing else had broken.".into(),
        result: "She met the deadline with 40 minutes to spare, and after I shared the fix, the knowledge article cut similar calls by about 30% that month.".into(),
    }
}

#[test]
fn star_keyword_stuffing_is_not_an_answer() {
    let q = frustrated();
    let cheat = StarAnswer {
        situation: "frustrated user payroll deadline laptop shared drive Northfield College finance manager Friday".into(),
        task: "payroll deadline 3 pm working again responsibility".into(),
        action: "acknowledged stayed calm apologised listened let her finish updated kept her informed called her back remapped drive ServiceNow knowledge article I I I".into(),
        result: "deadline met 40 minutes spare 30% fewer calls satisfaction 5".into(),
    };
    lowest(&score_star_with(&cheat, &q, ALL));
    escapes(&score_star_with(
        &cheat,
        &q,
        Rules {
            prose: false,
            ..ALL
        },
    ));
}

#[test]
fn star_word_salad_with_i_and_numbers_is_not_an_answer() {
    let q = frustrated();
    let salad = "I 12 I ServiceNow 3 I Monday I 40% I Windows 11 I 200 users I 5";
    let cheat = StarAnswer {
        situation: format!("{salad} Northfield I 2023 I VPN"),
        task: "I 3 pm I 1 I deadline I 2".into(),
        action: format!("{salad} {salad} {salad}"),
        result: "I 40 minutes I 30% I 4.5 I 90%".into(),
    };
    lowest(&score_star_with(&cheat, &q, ALL));
    escapes(&score_star_with(
        &cheat,
        &q,
        Rules {
            prose: false,
            ..ALL
        },
    ));
}

#[test]
fn a_good_star_answer_in_other_words_reaches_the_top_half() {
    let f = score_star_with(&strong(), &frustrated(), ALL);
    assert!(f.score >= 50, "{f:#?}");
    // "apologised", "listening" (a stem of "listened"), "kept her informed".
    assert_eq!(f.key_points.iter().filter(|k| k.found.is_some()).count(), 3);
}

#[test]
fn a_star_answer_denying_its_key_points_is_flagged() {
    let mut a = strong();
    a.action = "I did not apologise, because I never acknowledged complaints, and I didn't listen to her excuses. I checked the mapped drive and saw it pointed to the old file server, so I remapped it with the new path from our ServiceNow knowledge article. I walked her through signing out and back in and stayed on the line until the files opened. I never updated her afterwards.".into();
    let f = score_star_with(&a, &frustrated(), ALL);
    assert!(
        f.key_points.iter().all(|k| k.found.is_none()),
        "{:?}",
        f.key_points
    );
    assert_eq!(
        f.key_points
            .iter()
            .filter(|k| k.contradicted.is_some())
            .count(),
        3
    );
    let denied = score_star_with(
        &a,
        &frustrated(),
        Rules {
            negation: false,
            ..ALL
        },
    );
    assert!(denied.score > f.score);
}

// ---- one-text answers with labels ----

#[test]
fn labels_in_one_text_are_honoured() {
    let text = "Situation: the finance share was down before payroll.\nTask: get the team working by 3 pm.\nAction: I remapped the drive and checked each PC.\nResult: all 12 people were back in 20 minutes.";
    let a = split(text);
    assert_eq!(a.situation, "the finance share was down before payroll.");
    assert_eq!(a.task, "get the team working by 3 pm.");
    assert_eq!(a.action, "I remapped the drive and checked each PC.");
    assert_eq!(a.result, "all 12 people were back in 20 minutes.");
    // Any case, a dash or no colon, at the start of a sentence.
    let a = split("SITUATION - printer down. task I had to fix it. Action I swapped the toner. result it printed 300 pages.");
    assert_eq!(a.task, "I had to fix it.");
    assert_eq!(a.action, "I swapped the toner.");
    assert_eq!(a.result, "it printed 300 pages.");
    // A label alone on its line, and a "Result:" line right after the action.
    let a = split(
        "Situation\nThe VPN failed.\nAction\nI reset the tunnel.\nResult:\nIt held for a week.",
    );
    assert_eq!(a.action, "I reset the tunnel.");
    assert_eq!(a.result, "It held for a week.");
    // "Task Manager" is a tool, and one bare word is not a labelled answer.
    let a = split("The PC was slow. So I opened Task Manager and ended the process. As a result it was fast again.");
    assert!(a.action.contains("Task Manager"));
    let a = split("The PC was slow. So I fixed it. Results improved by 30% after that.");
    assert!(a.result.starts_with("Results improved"), "{a:?}");
}

// ---- the real question bank ----

fn bank(json: &str) -> Vec<InterviewQuestion> {
    serde_json::from_str::<crate::content::interview::InterviewSet>(json)
        .map(|set| set.questions)
        .unwrap_or_default()
}

#[test]
fn the_measured_cheats_fail_on_the_real_dns_question() {
    let questions = bank(include_str!("../../../../questions/interview/example.json"));
    let Some(q) = questions.iter().find(|q| q.id == "tech-dns-troubleshoot") else {
        panic!("the example DNS question is missing");
    };
    let wrong = "It is definitely not DNS, so there is no need to run nslookup or look at the DNS servers with ipconfig /all. Flushing the DNS cache is pointless, and I would not waste time asking whether other users are affected. I would just reinstall Windows, which fixes everything, and then tell the user it is working again.";
    let f = score_technical_with(wrong, q, ALL);
    lowest(&f);
    assert!(f.key_points.iter().any(|k| k.contradicted.is_some()));
    let model = q.model_answer.as_deref().unwrap_or_default();
    assert!(score_technical_with(model, q, ALL).score >= 80);
}

#[test]
fn every_model_answer_and_example_reaches_the_top_band() {
    let mut all = bank(include_str!(
        "../../../../questions/interview/technical.json"
    ));
    all.extend(bank(include_str!(
        "../../../../questions/interview/behavioural-service.json"
    )));
    all.extend(bank(include_str!(
        "../../../../questions/interview/behavioural-work.json"
    )));
    assert!(all.len() >= 70);
    for q in &all {
        let f = match (&q.model_answer, &q.example) {
            (Some(a), _) => score_technical_with(a, q, ALL),
            (None, Some(e)) => score_star_with(
                &StarAnswer {
                    situation: e.situation.clone(),
                    task: e.task.clone(),
                    action: e.action.clone(),
                    result: e.result.clone(),
                },
                q,
                ALL,
            ),
            _ => continue,
        };
        assert!(f.band == Band::Strong, "{}: {}", q.id, f.score);
        assert!(
            f.key_points.iter().all(|k| k.contradicted.is_none()),
            "{}",
            q.id
        );
    }
}
