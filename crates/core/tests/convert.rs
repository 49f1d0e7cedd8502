//! Import and export against fixture files written for the purpose
//! (`tests/fixtures/convert/`): GIFT, Aiken, Anki and Moodle XML in; GIFT
//! and Moodle XML out; round trips both ways; one finding per construct that cannot
//! be converted, at its line.

use firstline_core::content::convert::{
    export, import, locate_in_set, write, ExportFormat, ImportFormat, ImportSettings, Level, Note,
};
use firstline_core::content::question::{Difficulty, QuestionSet, QuestionType};
use firstline_core::content::{Library, Source};

const FIXTURES: &str = "tests/fixtures/convert";

fn fixture(name: &str) -> String {
    let path = format!("{FIXTURES}/{name}");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn settings() -> ImportSettings {
    ImportSettings {
        exam: "220-1201".into(),
        objective: "2.1".into(),
        difficulty: Difficulty::Medium,
        id_prefix: "imp".into(),
    }
}

fn at(notes: &[Note], level: Level) -> Vec<(usize, &str)> {
    notes
        .iter()
        .filter(|n| n.level == level)
        .map(|n| (n.line, n.message.as_str()))
        .collect()
}

fn bundled_sample() -> QuestionSet {
    serde_json::from_str(&fixture("bundled-sample.json")).unwrap()
}

// ------------------------------------------------------------------ GIFT

#[test]
fn gift_imports_every_supported_construct() {
    let result = import(ImportFormat::Gift, &fixture("roundtrip.gift"), &settings());
    let set = &result.output;
    let ids: Vec<&str> = set.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "net-dns-01",
            "net-tf-02",
            "net-multi-03",
            "net-fill-04",
            "net-match-05",
            "net-escape-06"
        ]
    );
    let kinds: Vec<QuestionType> = set.questions.iter().map(|q| q.kind).collect();
    assert_eq!(
        kinds,
        [
            QuestionType::Single,
            QuestionType::Single,
            QuestionType::Multiple,
            QuestionType::Fill,
            QuestionType::Matching,
            QuestionType::Single
        ]
    );
    let dns = &set.questions[0];
    assert_eq!(dns.options[0].text, "DNS");
    assert_eq!(dns.options[0].why, "Right: DNS turns names into addresses.");
    assert_eq!(dns.answer.as_ref().unwrap().0, [0]);
    assert_eq!(
        dns.explanation,
        "Reaching a site by address but not by name means only name resolution is broken."
    );
    assert_eq!(dns.objective, "2.1");
    assert_eq!(dns.difficulty, Difficulty::Medium);

    let tf = &set.questions[1];
    let texts: Vec<&str> = tf.options.iter().map(|o| o.text.as_str()).collect();
    assert_eq!(texts, ["True", "False"]);
    assert_eq!(tf.answer.as_ref().unwrap().0, [1]);
    // The first feedback is for a wrong answer (True), the second for the
    // right one (False).
    assert!(tf.options[0].why.starts_with("Wrong: 169.254"));
    assert!(tf.options[1].why.starts_with("Right: no DHCP"));

    let multi = &set.questions[2];
    assert_eq!(multi.answer.as_ref().unwrap().0, [0, 2]);

    assert_eq!(set.questions[3].accept, ["30", "thirty"]);

    let matching = &set.questions[4];
    let pairs: Vec<(&str, &str)> = matching
        .pairs
        .iter()
        .map(|p| (p.left.as_str(), p.right.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [("TCP 22", "SSH"), ("TCP 25", "SMTP"), ("TCP 3389", "RDP")]
    );
    assert_eq!(matching.distractors, ["Telnet"]);

    let escaped = &set.questions[5];
    assert_eq!(
        escaped.prompt,
        "Which Windows command shows the address {and the gateway} of every adapter: type the \"full\" form?"
    );
    let texts: Vec<&str> = escaped.options.iter().map(|o| o.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "ipconfig /all",
            "ipconfig ~ /renew",
            "route print = table",
            "netstat #1"
        ]
    );
    assert_eq!(
        escaped.explanation,
        "ipconfig /all lists every adapter's settings.\nA second line of explanation."
    );

    // The category is a note at its line; the matching pairs have no
    // "why" in GIFT, which is the one thing left to do.
    assert_eq!(at(&result.notes, Level::Skipped), []);
    let notes = at(&result.notes, Level::Note);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].0, 3);
    assert!(notes[0].1.contains("$course$/Networking/Ports"));
    let todo = at(&result.notes, Level::Todo);
    assert_eq!(todo.len(), 1, "{todo:?}");
    assert_eq!(todo[0].0, 24);
    assert!(todo[0].1.contains("\"TCP 22\""), "{}", todo[0].1);
}

#[test]
fn gift_round_trip_gives_equal_questions() {
    let first = import(ImportFormat::Gift, &fixture("roundtrip.gift"), &settings());
    let gift = export(ExportFormat::Gift, &first.output);
    let second = import(ImportFormat::Gift, &gift.output, &settings());
    assert_eq!(
        second.output, first.output,
        "GIFT written:\n{}",
        gift.output
    );
    // And writing it again gives the same text.
    let again = export(ExportFormat::Gift, &second.output);
    assert_eq!(again.output, gift.output);
    // Nothing was skipped either way.
    assert_eq!(at(&gift.notes, Level::Skipped), []);
    assert_eq!(at(&second.notes, Level::Skipped), []);
}

#[test]
fn each_unconvertible_gift_construct_gives_one_finding_at_its_line() {
    let result = import(
        ImportFormat::Gift,
        &fixture("unconvertible.gift"),
        &settings(),
    );
    let ids: Vec<&str> = result
        .output
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(ids, ["ok-first", "ok-last"]);
    let skipped = at(&result.notes, Level::Skipped);
    let expected: [(usize, &str); 6] = [
        (7, "numeric"),
        (9, "essay"),
        (11, "missing-word"),
        (13, "description"),
        (15, "several answers right"),
        (17, "never closed"),
    ];
    assert_eq!(skipped.len(), expected.len(), "{skipped:?}");
    for ((line, message), (want_line, want)) in skipped.iter().zip(expected) {
        assert_eq!(*line, want_line, "{message}");
        assert!(message.contains(want), "line {line}: {message}");
    }
    assert_eq!(at(&result.notes, Level::Note).len(), 1, "the category");
    assert_eq!(at(&result.notes, Level::Todo), []);
}

#[test]
fn bundled_questions_survive_gift_and_back() {
    let set = bundled_sample();
    let text = fixture("bundled-sample.json");
    let mut gift = export(ExportFormat::Gift, &set);
    locate_in_set(&text, &mut gift.notes);
    // Ordering and pbq cannot be written: one finding each, at the line of
    // the question in the set.
    let skipped = at(&gift.notes, Level::Skipped);
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    // And nothing else about them (the pbq's exhibit, say).
    assert_eq!(
        gift.notes
            .iter()
            .filter(|n| n.message.contains("c1-net-030") || n.message.contains("c1-net-031"))
            .count(),
        2
    );
    assert!(skipped[0].1.contains("c1-net-031") && skipped[0].1.contains("ordering"));
    assert!(skipped[1].1.contains("c1-net-030") && skipped[1].1.contains("performance-based"));
    for (line, _) in &skipped {
        let id_line = text.lines().nth(*line).unwrap_or("");
        assert!(id_line.contains("\"id\""), "line {line} is {id_line:?}");
    }

    let back = import(ImportFormat::Gift, &gift.output, &settings()).output;
    let kept: Vec<_> = set
        .questions
        .iter()
        .filter(|q| !matches!(q.kind, QuestionType::Ordering | QuestionType::Pbq))
        .collect();
    assert_eq!(back.questions.len(), kept.len());
    for (before, after) in kept.iter().zip(&back.questions) {
        assert_eq!(after.id, before.id);
        assert_eq!(after.kind, before.kind, "{}", before.id);
        let prompt = match &before.exhibit {
            Some(exhibit) => format!("{}\n\n{exhibit}", before.prompt),
            None => before.prompt.clone(),
        };
        assert_eq!(after.prompt, prompt, "{}", before.id);
        assert_eq!(after.explanation, before.explanation, "{}", before.id);
        assert_eq!(after.options, before.options, "{}", before.id);
        assert_eq!(after.answer, before.answer, "{}", before.id);
        assert_eq!(after.accept, before.accept, "{}", before.id);
        assert_eq!(after.distractors, before.distractors, "{}", before.id);
        let sides = |q: &firstline_core::content::question::RawQuestion| {
            q.pairs
                .iter()
                .map(|p| (p.left.clone(), p.right.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(sides(after), sides(before), "{}", before.id);
    }
}

#[test]
fn imported_gift_passes_check_with_a_blueprint() {
    let result = import(ImportFormat::Gift, &fixture("roundtrip.gift"), &settings());
    let mut set = result.output;
    // Fill in the one to-do (the matching pairs' "why"), as an author would.
    for q in &mut set.questions {
        for p in &mut q.pairs {
            p.why = format!("{} uses {} by default.", p.right, p.left);
        }
    }
    let blueprint = std::fs::read_to_string("../../questions/exams/a-plus-core-1.json").unwrap();
    let report = Library::load_for_authoring(vec![
        Source::new("questions/exams/a-plus-core-1.json", blueprint),
        Source::new("imported.json", write::question_set(&set)),
    ]);
    let errors: Vec<String> = report
        .findings
        .iter()
        // The bank-wide item analysis (the key as the longest option across
        // three single items) is about the blueprint, not this file.
        .filter(|f| f.is_error() && f.file == "imported.json")
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors, Vec::<String>::new());
    assert_eq!(report.library.questions.len(), 6);
}

#[test]
fn an_arrow_inside_a_choice_is_text_not_a_matching_pair() {
    let text = "Which flow is right? {=client -> server #Right. ~server -> client #Wrong. ####Requests go out first.}\n";
    let result = import(ImportFormat::Gift, text, &settings());
    let q = &result.output.questions[0];
    assert_eq!(q.kind, QuestionType::Single);
    assert_eq!(q.options[0].text, "client -> server");
    assert_eq!(result.notes, []);
}

#[test]
fn html_marked_text_is_kept_with_a_note() {
    let text = "::h1::[html]Which port does <b>SSH</b> use? {=22 #Right. ~23 #Wrong: Telnet. ####SSH uses 22.}\n";
    let result = import(ImportFormat::Gift, text, &settings());
    assert_eq!(
        result.output.questions[0].prompt,
        "Which port does <b>SSH</b> use?"
    );
    let notes = at(&result.notes, Level::Note);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].1.contains("[html]"));
}

/// Cut short anywhere, or with any line dropped, no fixture makes an
/// importer panic, and every finding points at a line of the input.
#[test]
fn damaged_input_never_panics_and_findings_stay_in_the_file() {
    for (format, name) in [
        (ImportFormat::Gift, "roundtrip.gift"),
        (ImportFormat::Gift, "unconvertible.gift"),
        (ImportFormat::Aiken, "sample.aiken"),
        (ImportFormat::Anki, "cards.txt"),
        (ImportFormat::MoodleXml, "moodle.xml"),
    ] {
        let text = fixture(name);
        let mut inputs: Vec<String> = text
            .char_indices()
            .map(|(i, _)| text[..i].to_owned())
            .collect();
        let lines: Vec<&str> = text.lines().collect();
        for skip in 0..lines.len() {
            let kept: Vec<&str> = lines
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, l)| *l)
                .collect();
            inputs.push(kept.join("\n"));
        }
        for input in inputs {
            let result = import(format, &input, &settings());
            let count = input.split('\n').count();
            for note in &result.notes {
                assert!(
                    note.line >= 1 && note.line <= count,
                    "{name}: line {} of {count}: {}",
                    note.line,
                    note.message
                );
            }
            // What converted can be written and read back.
            let written = write::question_set(&result.output);
            let back: QuestionSet = serde_json::from_str(&written).unwrap();
            assert_eq!(back, result.output);
        }
    }
}

// ----------------------------------------------------------------- Aiken

#[test]
fn aiken_imports_questions_and_reports_broken_ones() {
    let result = import(ImportFormat::Aiken, &fixture("sample.aiken"), &settings());
    let set = &result.output;
    assert_eq!(set.questions.len(), 2);
    let first = &set.questions[0];
    assert_eq!(first.id, "imp-001");
    assert_eq!(first.kind, QuestionType::Single);
    assert_eq!(
        first.prompt,
        "Which service turns host names into IP addresses?"
    );
    let texts: Vec<&str> = first.options.iter().map(|o| o.text.as_str()).collect();
    assert_eq!(texts, ["DNS", "DHCP", "SMTP", "NTP"]);
    assert_eq!(first.answer.as_ref().unwrap().0, [0]);
    assert_eq!(set.questions[1].answer.as_ref().unwrap().0, [2]);
    assert_eq!(set.questions[1].options[2].text, "3389");

    let skipped = at(&result.notes, Level::Skipped);
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert_eq!(skipped[0].0, 14);
    assert!(skipped[0].1.contains("answer E"));
    assert_eq!(skipped[1].0, 19);
    assert!(skipped[1].1.contains("no \"ANSWER"));
    // Each imported question still needs its whys and explanation: two
    // to-dos at its first line, never invented text.
    let todo = at(&result.notes, Level::Todo);
    assert_eq!(todo.iter().map(|t| t.0).collect::<Vec<_>>(), [1, 1, 8, 8]);
    assert!(todo[0].1.contains("options A, B, C, D"));
    assert!(set
        .questions
        .iter()
        .all(|q| q.explanation.is_empty() && q.options.iter().all(|o| o.why.is_empty())));
}

// ------------------------------------------------------------------ Anki

#[test]
fn anki_cards_with_short_backs_become_fill_questions() {
    let result = import(ImportFormat::Anki, &fixture("cards.txt"), &settings());
    let set = &result.output;
    let got: Vec<(&str, &[String])> = set
        .questions
        .iter()
        .map(|q| (q.prompt.as_str(), q.accept.as_slice()))
        .collect();
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[0].0, "Default port for HTTPS?");
    assert_eq!(got[0].1, ["443"]);
    assert_eq!(got[1].1, ["ipconfig /flushdns"]);
    assert_eq!(got[2].0, "Port for SSH\n(multi-line front)");
    assert_eq!(got[2].1, ["22"]);
    assert!(set.questions.iter().all(|q| q.kind == QuestionType::Fill));

    let skipped = at(&result.notes, Level::Skipped);
    let lines: Vec<usize> = skipped.iter().map(|s| s.0).collect();
    assert_eq!(lines, [6, 7, 8], "{skipped:?}");
    assert!(skipped[0].1.contains("not a short answer"));
    assert!(skipped[1].1.contains("front holds HTML"));
    assert!(skipped[2].1.contains("back holds HTML"));
    // The tags of two cards: one note.
    let notes = at(&result.notes, Level::Note);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].1.contains("2 card(s)"));
    // One to-do per card: its explanation.
    assert_eq!(at(&result.notes, Level::Todo).len(), 3);
}

// ----------------------------------------------------------- Moodle XML

#[test]
fn moodle_xml_is_well_formed_and_holds_each_question() {
    let set = bundled_sample();
    let result = export(ExportFormat::MoodleXml, &set);
    let root = xml::parse(&result.output).unwrap_or_else(|e| panic!("{e}\n{}", result.output));
    assert_eq!(root.name, "quiz");
    let questions: Vec<&xml::Element> = root.children("question").collect();
    assert_eq!(questions[0].attr("type"), Some("category"));
    let written: Vec<(&str, String)> = questions[1..]
        .iter()
        .map(|q| {
            let name = q
                .child("name")
                .and_then(|n| n.child("text"))
                .map(|t| t.text());
            (q.attr("type").unwrap_or(""), name.unwrap_or_default())
        })
        .collect();
    assert_eq!(
        written,
        [
            ("multichoice", "c1-net-001".to_owned()),
            ("multichoice", "c2-os-026".to_owned()),
            ("multichoice", "c1-net-008".to_owned()),
            ("matching", "c1-net-006".to_owned()),
            ("shortanswer", "c1-net-025".to_owned()),
        ]
    );
    // Single versus multiple, fractions and feedback.
    let single = questions[1];
    assert_eq!(
        single.child("single").map(|s| s.text()).as_deref(),
        Some("true")
    );
    let answers: Vec<&xml::Element> = single.children("answer").collect();
    assert_eq!(answers.len(), 4);
    assert_eq!(answers[0].attr("fraction"), Some("100"));
    assert_eq!(answers[1].attr("fraction"), Some("0"));
    assert_eq!(
        answers[0]
            .child("feedback")
            .and_then(|f| f.child("text"))
            .map(|t| t.text()),
        Some(set.questions[0].options[0].why.clone())
    );
    let multiple = questions[3];
    assert_eq!(
        multiple.child("single").map(|s| s.text()).as_deref(),
        Some("false")
    );
    let fractions: Vec<&str> = multiple
        .children("answer")
        .filter_map(|a| a.attr("fraction"))
        .collect();
    assert_eq!(fractions, ["-100", "50", "-100", "50", "-100"]);
    // The question text is HTML in CDATA, the exhibit kept in <pre>.
    let with_exhibit = questions[2]
        .child("questiontext")
        .and_then(|t| t.child("text"))
        .map(|t| t.text())
        .unwrap_or_default();
    assert!(with_exhibit.starts_with("<p>"));
    assert!(with_exhibit.contains("<pre>"));
    // Matching: pairs, then the distractors as subquestions without text.
    let matching = questions[4];
    let subs: Vec<(String, String)> = matching
        .children("subquestion")
        .map(|s| {
            let left = s.child("text").map(|t| t.text()).unwrap_or_default();
            let right = s
                .child("answer")
                .and_then(|a| a.child("text"))
                .map(|t| t.text())
                .unwrap_or_default();
            (left, right)
        })
        .collect();
    assert_eq!(subs.len(), 6 + 3);
    assert_eq!(subs[0], ("TCP 22".to_owned(), "SSH".to_owned()));
    assert_eq!(subs[6], (String::new(), "Telnet".to_owned()));
    let fill = questions[5];
    let accepted: Vec<String> = fill
        .children("answer")
        .filter_map(|a| a.child("text").map(|t| t.text()))
        .collect();
    assert_eq!(accepted, ["30"]);
    // Ordering and pbq: one finding each.
    let skipped = at(&result.notes, Level::Skipped);
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(skipped[0].1.contains("c1-net-031"));
    assert!(skipped[1].1.contains("c1-net-030"));
}

#[test]
fn moodle_xml_escapes_markup_and_cdata_ends() {
    let mut set = bundled_sample();
    set.questions.truncate(1);
    set.questions[0].prompt = "Is <b> & \"x\" ]]> safe?".into();
    set.questions[0].options[1].text = "a < b & c > d 'e'".into();
    let result = export(ExportFormat::MoodleXml, &set);
    let root = xml::parse(&result.output).unwrap_or_else(|e| panic!("{e}\n{}", result.output));
    let q = root.children("question").nth(1).unwrap();
    let html = q
        .child("questiontext")
        .and_then(|t| t.child("text"))
        .map(|t| t.text())
        .unwrap();
    assert_eq!(html, "<p>Is &lt;b&gt; &amp; &quot;x&quot; ]]&gt; safe?</p>");
    let option = q
        .children("answer")
        .nth(1)
        .and_then(|a| a.child("text"))
        .map(|t| t.text());
    assert_eq!(option.as_deref(), Some("a < b & c > d 'e'"));
}

/// A minimal XML reader for the tests: elements, attributes, text,
/// entities, CDATA, comments and the declaration. It rejects what is not
/// well formed (unbalanced tags, a raw `<` or `&` in text, unknown
/// entities, unquoted attributes).
mod xml {
    #[derive(Debug, Default)]
    pub struct Element {
        pub name: String,
        attrs: Vec<(String, String)>,
        nodes: Vec<Node>,
    }

    #[derive(Debug)]
    enum Node {
        Text(String),
        Element(Element),
    }

    impl Element {
        pub fn attr(&self, name: &str) -> Option<&str> {
            self.attrs
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        }

        pub fn children<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
            self.nodes.iter().filter_map(move |n| match n {
                Node::Element(e) if e.name == name => Some(e),
                _ => None,
            })
        }

        pub fn child<'a>(&'a self, name: &'a str) -> Option<&'a Element> {
            self.children(name).next()
        }

        pub fn text(&self) -> String {
            self.nodes
                .iter()
                .filter_map(|n| match n {
                    Node::Text(t) => Some(t.as_str()),
                    Node::Element(_) => None,
                })
                .collect()
        }
    }

    pub fn parse(input: &str) -> Result<Element, String> {
        let mut rest = input.trim_start();
        if let Some(after) = rest.strip_prefix("<?xml") {
            let end = after.find("?>").ok_or("unclosed declaration")?;
            rest = &after[end + 2..];
        }
        let mut stack: Vec<Element> = vec![Element::default()];
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix("<![CDATA[") {
                let end = after.find("]]>").ok_or("unclosed CDATA")?;
                push_text(&mut stack, &after[..end])?;
                rest = &after[end + 3..];
            } else if let Some(after) = rest.strip_prefix("<!--") {
                let end = after.find("-->").ok_or("unclosed comment")?;
                rest = &after[end + 3..];
            } else if let Some(after) = rest.strip_prefix("</") {
                let end = after.find('>').ok_or("unclosed end tag")?;
                let name = after[..end].trim();
                let element = stack.pop().ok_or("end tag with nothing open")?;
                if element.name != name {
                    return Err(format!("</{name}> closes <{}>", element.name));
                }
                let parent = stack.last_mut().ok_or("end tag closes the document")?;
                parent.nodes.push(Node::Element(element));
                rest = &after[end + 1..];
            } else if let Some(after) = rest.strip_prefix('<') {
                let end = after.find('>').ok_or("unclosed start tag")?;
                let mut tag = &after[..end];
                let empty = tag.ends_with('/');
                if empty {
                    tag = &tag[..tag.len() - 1];
                }
                let element = start_tag(tag)?;
                if empty {
                    let parent = stack.last_mut().ok_or("no parent")?;
                    parent.nodes.push(Node::Element(element));
                } else {
                    stack.push(element);
                }
                rest = &after[end + 1..];
            } else {
                let end = rest.find('<').unwrap_or(rest.len());
                let text = decode(&rest[..end])?;
                if stack.len() == 1 && !text.trim().is_empty() {
                    return Err(format!("text outside the root: {text:?}"));
                }
                push_text(&mut stack, &text)?;
                rest = &rest[end..];
            }
        }
        if stack.len() != 1 {
            return Err(format!(
                "<{}> is never closed",
                stack.last().map_or("", |e| e.name.as_str())
            ));
        }
        let mut document = stack.pop().ok_or("empty")?;
        let mut roots = document.nodes.drain(..).filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        });
        let root = roots.next().ok_or("no root element")?;
        if roots.next().is_some() {
            return Err("more than one root element".into());
        }
        Ok(root)
    }

    fn push_text(stack: &mut [Element], text: &str) -> Result<(), String> {
        let top = stack.last_mut().ok_or("no element")?;
        top.nodes.push(Node::Text(text.to_owned()));
        Ok(())
    }

    fn start_tag(tag: &str) -> Result<Element, String> {
        let tag = tag.trim();
        let name_end = tag.find(char::is_whitespace).unwrap_or(tag.len());
        let name = &tag[..name_end];
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_alphanumeric() || "_-.:".contains(c))
        {
            return Err(format!("bad element name {name:?}"));
        }
        let mut element = Element {
            name: name.to_owned(),
            ..Element::default()
        };
        let mut rest = tag[name_end..].trim_start();
        while !rest.is_empty() {
            let eq = rest
                .find('=')
                .ok_or_else(|| format!("attribute without value in <{tag}>"))?;
            let attr = rest[..eq].trim().to_owned();
            let value = rest[eq + 1..].trim_start();
            let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'');
            let quote = quote.ok_or_else(|| format!("unquoted attribute in <{tag}>"))?;
            let close = value[1..].find(quote).ok_or("unclosed attribute value")?;
            element.attrs.push((attr, decode(&value[1..=close])?));
            rest = value[close + 2..].trim_start();
        }
        Ok(element)
    }

    fn decode(text: &str) -> Result<String, String> {
        if text.contains('<') {
            return Err(format!("raw '<' in {text:?}"));
        }
        let mut out = String::new();
        let mut rest = text;
        while let Some(at) = rest.find('&') {
            out.push_str(&rest[..at]);
            let end = rest[at..]
                .find(';')
                .ok_or_else(|| format!("raw '&' in {text:?}"))?;
            let entity = &rest[at + 1..at + end];
            let c = match entity {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                _ => {
                    let number = entity
                        .strip_prefix("#x")
                        .map(|h| u32::from_str_radix(h, 16))
                        .or_else(|| entity.strip_prefix('#').map(str::parse))
                        .ok_or_else(|| format!("unknown entity &{entity};"))?
                        .map_err(|_| format!("bad entity &{entity};"))?;
                    char::from_u32(number).ok_or("bad character reference")?
                }
            };
            out.push(c);
            rest = &rest[at + end + 1..];
        }
        out.push_str(rest);
        Ok(out)
    }

    #[test]
    fn rejects_what_is_not_well_formed() {
        assert!(parse("<a><b></a></b>").is_err());
        assert!(parse("<a>x & y</a>").is_err());
        assert!(parse("<a>x</a><b/>").is_err());
        assert!(parse("<a x=1></a>").is_err());
        assert!(parse("<a>&bogus;</a>").is_err());
        let ok =
            parse("<?xml version=\"1.0\"?><a k='v'><b>1 &lt; 2</b><![CDATA[<i>]]></a>").unwrap();
        assert_eq!(ok.child("b").unwrap().text(), "1 < 2");
        assert_eq!(ok.text(), "<i>");
        assert_eq!(ok.attr("k"), Some("v"));
    }
}

// ------------------------------------------------------------ Moodle XML in

#[test]
fn moodle_xml_imports_each_type_and_reports_the_rest_at_its_line() {
    let result = import(ImportFormat::MoodleXml, &fixture("moodle.xml"), &settings());
    let set = &result.output;
    let ids: Vec<&str> = set.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(
        ids,
        ["dns-port", "net-private-01", "apipa", "loopback", "ports"]
    );
    let kinds: Vec<QuestionType> = set.questions.iter().map(|q| q.kind).collect();
    assert_eq!(
        kinds,
        [
            QuestionType::Single,
            QuestionType::Multiple,
            QuestionType::Single,
            QuestionType::Fill,
            QuestionType::Matching
        ]
    );
    let dns = &set.questions[0];
    assert_eq!(dns.prompt, "Which port does DNS use?\n\nPick one.");
    assert_eq!(dns.explanation, "DNS queries use UDP 53.");
    assert_eq!(dns.answer.as_ref().map(|k| k.0.clone()), Some(vec![0]));
    assert_eq!(dns.options[1].why, "67 is the DHCP server port.");
    let private = &set.questions[1];
    assert_eq!(
        private.answer.as_ref().map(|k| k.0.clone()),
        Some(vec![0, 1])
    );
    assert!(!private.shuffle);
    let apipa = &set.questions[2];
    assert_eq!(
        apipa.prompt,
        "An address in 169.254.0.0/16 means DHCP failed."
    );
    let texts: Vec<&str> = apipa.options.iter().map(|o| o.text.as_str()).collect();
    assert_eq!(texts, ["True", "False"]);
    let loopback = &set.questions[3];
    assert_eq!(loopback.accept, ["127.0.0.1"]);
    assert_eq!(loopback.exhibit.as_deref(), Some("C:\\> ping ______"));
    let ports = &set.questions[4];
    assert_eq!(ports.pairs.len(), 2);
    assert_eq!(ports.distractors, ["8080"]);

    // Not converted: the partial answer, the essay, the question with no
    // right answer; each at its line.
    let skipped = at(&result.notes, Level::Skipped);
    let lines: Vec<usize> = skipped.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [53, 64, 68], "{skipped:?}");
    assert!(
        skipped[0].1.contains("\"localhost\" earns 50%"),
        "{skipped:?}"
    );
    assert!(skipped[1]
        .1
        .contains("\"essay\" question has no FirstLine type"));
    assert!(skipped[2].1.contains("none is right"));
    // To do: option C's why (line 8), the pairs' whys (line 55).
    let todo = at(&result.notes, Level::Todo);
    assert!(
        todo.contains(&(
            8,
            "\"why\" is missing for option C: write why each is right or wrong"
        )),
        "{todo:?}"
    );
    assert!(
        todo.iter()
            .any(|(l, m)| *l == 55 && m.contains("\"SSH\", \"HTTPS\"")),
        "{todo:?}"
    );
    // Notes: the category, the HTML removed, the penalty.
    let noted = at(&result.notes, Level::Note);
    assert!(
        noted
            .iter()
            .any(|(l, m)| *l == 5 && m.contains("$course$/Networking")),
        "{noted:?}"
    );
    assert!(
        noted
            .iter()
            .any(|(l, m)| *l == 8 && m.contains("HTML formatting")),
        "{noted:?}"
    );
    assert!(
        noted.iter().any(|(l, m)| *l == 8 && m.contains("penalty")),
        "{noted:?}"
    );
}

#[test]
fn bundled_questions_survive_moodle_xml_and_back() {
    let set = bundled_sample();
    let xml = export(ExportFormat::MoodleXml, &set).output;
    let back = import(ImportFormat::MoodleXml, &xml, &settings());
    // The set converts without anything left out.
    assert!(
        at(&back.notes, Level::Skipped).is_empty(),
        "{:?}",
        back.notes
    );
    let kept: Vec<_> = set
        .questions
        .iter()
        .filter(|q| !matches!(q.kind, QuestionType::Ordering | QuestionType::Pbq))
        .collect();
    assert_eq!(back.output.questions.len(), kept.len());
    for (before, after) in kept.iter().zip(&back.output.questions) {
        assert_eq!(after.id, before.id);
        assert_eq!(after.kind, before.kind, "{}", before.id);
        assert_eq!(after.prompt, before.prompt, "{}", before.id);
        assert_eq!(after.exhibit, before.exhibit, "{}", before.id);
        assert_eq!(after.explanation, before.explanation, "{}", before.id);
        let unpinned: Vec<_> = before
            .options
            .iter()
            .cloned()
            .map(|mut o| {
                o.pinned = false;
                o
            })
            .collect();
        assert_eq!(after.options, unpinned, "{}", before.id);
        assert_eq!(after.answer, before.answer, "{}", before.id);
        assert_eq!(after.accept, before.accept, "{}", before.id);
        assert_eq!(after.distractors, before.distractors, "{}", before.id);
        if before.kind != QuestionType::Fill {
            assert_eq!(after.shuffle, before.shuffle, "{}", before.id);
        }
        let sides = |q: &firstline_core::content::question::RawQuestion| {
            q.pairs
                .iter()
                .map(|p| (p.left.clone(), p.right.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(sides(after), sides(before), "{}", before.id);
    }
}

#[test]
fn moodle_xml_fixture_round_trips_through_the_exporter() {
    let first = import(ImportFormat::MoodleXml, &fixture("moodle.xml"), &settings()).output;
    let xml = export(ExportFormat::MoodleXml, &first).output;
    let second = import(ImportFormat::MoodleXml, &xml, &settings()).output;
    assert_eq!(second, first);
}

#[test]
fn what_is_not_moodle_xml_is_one_finding() {
    for (text, line, words) in [
        (
            "<quiz>\n<question type=\"multichoice\">\n</quiz>",
            3,
            "not well-formed",
        ),
        (
            "<?xml version=\"1.0\"?>\n<html></html>",
            2,
            "not Moodle XML's <quiz>",
        ),
        ("<!DOCTYPE quiz [<!ENTITY a \"b\">]><quiz/>", 1, "DOCTYPE"),
    ] {
        let result = import(ImportFormat::MoodleXml, text, &settings());
        assert!(result.output.questions.is_empty());
        assert_eq!(result.notes.len(), 1, "{:?}", result.notes);
        assert_eq!(result.notes[0].line, line, "{text}: {:?}", result.notes);
        assert!(
            result.notes[0].message.contains(words),
            "{:?}",
            result.notes
        );
    }
}
