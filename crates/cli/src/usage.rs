use std::fmt;

pub const SHORT: &str = "Run `firstline help` for usage.";

pub const LONG: &str = "\
firstline: check and prepare FirstLine training content

USAGE:
    firstline check [DIR|PACK...]
                                 Validate every .json file under each DIR
                                 (default: questions scenarios) and in each
                                 NAME.firstline-pack.json. Prints one line
                                 per finding as file:line:col: message (a
                                 file in a pack as PACK/path).
    firstline stats [DIR...]     Count questions per exam, domain (against the
                                 blueprint weight), type and difficulty.
    firstline play [--paths] [DIR...]
                                 Play every path of each scenario and score
                                 it: the best path, the highest and lowest
                                 scores, each ending's range, the analyser's
                                 errors; --paths lists every path.
    firstline import --from gift|aiken|anki|moodle-xml FILE --exam ID --objective X.Y
                     [--difficulty easy|medium|hard] [--id-prefix P] -o OUT.json
                                 Convert Moodle GIFT, Aiken, Anki text
                                 (front<TAB>back) or Moodle XML into a
                                 question set; every
                                 item gets the exam, objective and difficulty
                                 given (default medium). Prints what could not
                                 be converted and what is left to write (an
                                 explanation, an option's why) as
                                 file:line:col: level: message.
    firstline export --to gift|moodle-xml SET.json -o OUT
                                 Write a question set as GIFT or Moodle XML;
                                 ordering and pbq questions are reported and
                                 left out.
    firstline schema [-o DIR]    Write the JSON Schema of every content kind
                                 into DIR (default: schema), for editors.
    firstline schema --stamp [-o DIR] CONTENT_DIR...
                                 Add \"$schema\" (the path to its kind's
                                 schema in DIR, default schema) to every
                                 content file under CONTENT_DIR lacking one.
    firstline pack DIR... -o NAME.firstline-pack.json
                                 Write every content file under the DIRs
                                 (paths starting with each DIR's name) into
                                 one pack to share.
    firstline manifest DIR       Write DIR/manifest.json listing the content
                                 files under DIR (the build runs this).
    firstline help               Show this help.

EXIT STATUS:
    0  no findings
    1  findings were printed (for import and export: anything not
       converted, left to do or worth a note; what converted is written)
    2  usage error (unknown command, missing or unreadable folder or file, bad option)";

/// A mistake in how the command was called.
#[derive(Debug)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
