//! `firstline pack` and `firstline check PACK`: a pack of a folder gives
//! exactly the folder's findings, each naming the file inside the pack.

mod common;

use std::fs;
use std::path::PathBuf;

use common::firstline;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("firstline-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_pack_has_the_same_findings_as_its_folder() {
    let dir = temp_dir("pack");
    let pack = dir.join("broken.firstline-pack.json");
    let pack_name = pack.to_str().unwrap();
    let (code, stdout, stderr) = firstline(&["pack", "tests/fixtures/broken", "-o", pack_name]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("(10 file(s)"), "{stdout}");
    let text = fs::read_to_string(&pack).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["format"], "firstline-pack");
    assert_eq!(value["version"], 1);
    assert_eq!(value["files"][0]["path"], "broken/answer-out-of-range.json");

    let (folder_code, folder, _) = firstline(&["check", "tests/fixtures/broken"]);
    let (pack_code, packed, pack_err) = firstline(&["check", pack_name]);
    assert_eq!((pack_code, folder_code), (1, 1), "{packed}{pack_err}");
    // Line for line the same, the file named inside the pack.
    let expected = folder.replace("tests/fixtures/broken/", &format!("{pack_name}/broken/"));
    assert_eq!(packed, expected);
    assert!(
        packed.contains(&format!("{pack_name}/broken/unknown-field.json:13:14:")),
        "{packed}"
    );
    assert!(pack_err.contains("checked 10 file(s)"), "{pack_err}");

    let _ = fs::remove_dir_all(dir);
}

#[test]
fn a_pack_of_good_content_checks_as_its_folder_and_leaves_packs_out() {
    let dir = temp_dir("pack-good");
    let content = dir.join("content");
    fs::create_dir_all(content.join("exams")).unwrap();
    fs::copy(
        "tests/fixtures/broken/blueprint.json",
        content.join("exams/blueprint.json"),
    )
    .unwrap();
    fs::copy("tests/fixtures/broken/good.json", content.join("good.json")).unwrap();
    let pack = dir.join("good.firstline-pack.json");
    let (code, _, stderr) = firstline(&[
        "pack",
        content.to_str().unwrap(),
        "-o",
        pack.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, stderr) = firstline(&["check", pack.to_str().unwrap()]);
    assert!(stderr.contains("checked 2 file(s)"), "{stderr}");
    // No error; the one warning (an empty domain) as on the folder.
    assert!(stderr.contains("0 error(s), 1 warning(s)"), "{stderr}");
    let (folder_code, folder, _) = firstline(&["check", content.to_str().unwrap()]);
    assert_eq!(code, folder_code);
    assert_eq!(
        stdout,
        folder.replace(
            content.to_str().unwrap(),
            &format!("{}/content", pack.display())
        )
    );
    // The pack itself, saved in the folder, is skipped when packing again.
    fs::copy(&pack, content.join("old.firstline-pack.json")).unwrap();
    let (code, stdout, _) = firstline(&[
        "pack",
        content.to_str().unwrap(),
        "-o",
        pack.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert!(stdout.contains("(2 file(s)"), "{stdout}");
    let _ = fs::remove_dir_all(dir);
}

#[test]
fn what_is_not_a_pack_is_refused_with_the_reason() {
    let dir = temp_dir("pack-bad");
    let fake = dir.join("fake.firstline-pack.json");
    fs::write(&fake, "{\"kind\": \"exam\"}").unwrap();
    let (code, _, stderr) = firstline(&["check", fake.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("not a FirstLine pack: \"format\" is \"\""),
        "{stderr}"
    );
    let escape = dir.join("escape.firstline-pack.json");
    fs::write(
        &escape,
        r#"{"format": "firstline-pack", "version": 1, "files": [{"path": "../x.json", "text": "{}"}]}"#,
    )
    .unwrap();
    let (code, _, stderr) = firstline(&["check", escape.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("has an empty, \".\" or \"..\" folder"),
        "{stderr}"
    );
    let newer = dir.join("newer.firstline-pack.json");
    fs::write(
        &newer,
        r#"{"format": "firstline-pack", "version": 9, "files": []}"#,
    )
    .unwrap();
    let (code, _, stderr) = firstline(&["check", newer.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("pack version 9 cannot be read here"),
        "{stderr}"
    );
    // Usage: no -o, a name without the extension, a plain file to check.
    assert_eq!(firstline(&["pack", "tests/fixtures/broken"]).0, 2);
    assert_eq!(
        firstline(&["pack", "tests/fixtures/broken", "-o", "x.json"]).0,
        2
    );
    assert_eq!(firstline(&["pack", "-o", "x.firstline-pack.json"]).0, 2);
    assert_eq!(
        firstline(&["check", "tests/fixtures/broken/good.json"]).0,
        2
    );
    let _ = fs::remove_dir_all(dir);
}
