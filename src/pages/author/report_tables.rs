//! The class report's tables, each with its own CSV download. The core
//! gives the numbers; here they become readable cells ("67% (2 of 3)"),
//! while the CSV keeps one number per column for a spreadsheet.

use std::sync::Arc;

use firstline_core::progress::class_report::{
    iso_date, ClassReport, LearnerTable, ObjectiveTable, ScoreTable, Scores, Share,
};
use leptos::prelude::*;

use crate::adapters::files::download_as;

/// An empty cell: this learner has nothing here.
const NONE: &str = "\u{2014}";

/// One table as shown: headers, then rows whose first `headers` cells are
/// row headers.
struct Grid {
    caption: &'static str,
    /// What the download button and the file are named after.
    name: &'static str,
    csv: String,
    columns: Vec<String>,
    /// How many leading cells of a row are its headers.
    headers: usize,
    rows: Vec<Vec<String>>,
    /// Said instead of an empty table.
    empty: &'static str,
}

#[component]
pub fn ReportTables(report: Arc<ClassReport>) -> impl IntoView {
    let message = RwSignal::new(None::<Result<String, String>>);
    let grids = [
        learners(&report.learners),
        objectives(&report.objectives),
        scores(
            &report.scenarios,
            "Scenario scores per learner: best and last, out of 100",
            "scenarios",
            "No scenarios played in these files.",
            best_and_last,
        ),
        scores(
            &report.dimensions,
            "Scenario scores per dimension: each learner\u{2019}s mean over their plays, out of 100",
            "dimensions",
            "No scenarios played in these files.",
            mean,
        ),
        scores(
            &report.interview,
            "Interview answers per question: best and last overall score, out of 100 (scores per criterion are not saved)",
            "interview",
            "No interview answers in these files.",
            best_and_last,
        ),
    ];
    view! {
        {grids.into_iter().map(|g| view! { <GridView grid=g message/> }).collect_view()}
        {move || message.get().map(|m| match m {
            Ok(text) => view! { <p role="status">{text}</p> }.into_any(),
            Err(text) => view! { <p class="notice warning" role="alert">{text}</p> }.into_any(),
        })}
    }
}

#[component]
fn GridView(grid: Grid, message: RwSignal<Option<Result<String, String>>>) -> impl IntoView {
    let Grid {
        caption,
        name,
        csv,
        columns,
        headers,
        rows,
        empty,
    } = grid;
    if rows.is_empty() {
        return view! { <p>{empty}</p> }.into_any();
    }
    let file = format!("class-report-{name}.csv");
    let save = move |_| {
        let result = download_as(&file, &csv, "text/csv;charset=utf-8")
            .map(|()| format!("Saved {file}."))
            .map_err(|e| format!("The CSV could not be made: {e}."));
        message.set(Some(result));
    };
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=caption>
            <table>
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        {columns.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| view! {
                        <tr>
                            {row.into_iter().enumerate().map(|(i, cell)| if i < headers {
                                view! { <th scope="row">{cell}</th> }.into_any()
                            } else {
                                view! { <td>{cell}</td> }.into_any()
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <div class="actions">
            <button type="button" class="secondary" on:click=save>{format!("Download CSV: {name}")}</button>
        </div>
    }
    .into_any()
}

fn share(s: Option<Share>) -> String {
    s.map_or_else(
        || NONE.to_owned(),
        |s| format!("{}% ({} of {})", s.percent(), s.right, s.answered),
    )
}

fn or_none<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(|| NONE.to_owned(), |v| v.to_string())
}

fn learners(t: &LearnerTable) -> Grid {
    let mut columns = vec![
        "Learner".to_owned(),
        "File".to_owned(),
        "Answers".to_owned(),
    ];
    columns.extend(t.exams.iter().map(|e| format!("Right in {e}")));
    columns.extend(
        [
            "Exams taken",
            "Exams passed",
            "Scenarios played",
            "Scenario mean",
            "Interview answers",
            "Interview mean",
            "Mock interviews",
            "Last activity (UTC)",
            "Values ignored",
        ]
        .map(String::from),
    );
    let rows = t
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![r.learner.clone(), r.file.clone(), r.answers.to_string()];
            row.extend(r.exams.iter().map(|s| share(*s)));
            row.extend([
                r.exams_taken.to_string(),
                r.exams_passed.to_string(),
                r.scenarios_played.to_string(),
                or_none(r.scenario_mean),
                r.interview_answers.to_string(),
                or_none(r.interview_mean),
                r.mock_interviews.to_string(),
                r.last_activity.map_or_else(|| NONE.to_owned(), iso_date),
                r.ignored.to_string(),
            ]);
            row
        })
        .collect();
    Grid {
        caption: "Learners: answers right per exam, exams, scenarios and interview practice",
        name: "learners",
        csv: t.to_csv(),
        columns,
        headers: 1,
        rows,
        empty: "No learners in these files.",
    }
}

fn objectives(t: &ObjectiveTable) -> Grid {
    let mut columns = vec!["Exam".to_owned(), "Objective".to_owned()];
    columns.extend(t.learners.iter().cloned());
    let rows = t
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![r.exam.clone(), r.objective.clone()];
            row.extend(r.cells.iter().map(|s| share(*s)));
            row
        })
        .collect();
    Grid {
        caption: "Answers right per exam objective",
        name: "objectives",
        csv: t.to_csv(),
        columns,
        headers: 2,
        rows,
        empty: "No questions answered in these files.",
    }
}

fn best_and_last(s: &Scores) -> String {
    let tries = if s.count == 1 {
        "1 try".to_owned()
    } else {
        format!("{} tries", s.count)
    };
    format!("best {}, last {} ({tries})", s.best, s.last)
}

fn mean(s: &Scores) -> String {
    let plays = if s.count == 1 {
        "1 play".to_owned()
    } else {
        format!("{} plays", s.count)
    };
    format!("{} ({plays})", s.mean())
}

fn scores(
    t: &ScoreTable,
    caption: &'static str,
    name: &'static str,
    empty: &'static str,
    cell: fn(&Scores) -> String,
) -> Grid {
    let mut columns = vec![t.subject.to_owned()];
    columns.extend(t.learners.iter().cloned());
    let rows = t
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![r.key.clone()];
            row.extend(
                r.cells
                    .iter()
                    .map(|s| s.as_ref().map_or_else(|| NONE.to_owned(), cell)),
            );
            row
        })
        .collect();
    Grid {
        caption,
        name,
        csv: t.to_csv(),
        columns,
        headers: 1,
        rows,
        empty,
    }
}
