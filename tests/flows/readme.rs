//! The README stays true to the test scripts: its table of outside parts is the one
//! `tests/run.sh --parts-table` makes from `tests/outside-parts.txt`.

use std::path::Path;
use std::process::Command;

#[test]
fn readme_lists_the_outside_parts_that_tests_run_sh_installs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("bash")
        .arg(root.join("tests/run.sh"))
        .arg("--parts-table")
        .output()
        .expect("bash runs tests/run.sh");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.lines().count() > 2, "the table has rows: {table}");
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let block = readme
        .split_once("<!-- outside-parts:begin -->\n")
        .and_then(|(_, rest)| rest.split_once("<!-- outside-parts:end -->"))
        .map(|(block, _)| block)
        .expect("README.md has the outside-parts block");
    assert_eq!(
        block, table,
        "README.md's table of outside parts is out of date: replace the block between the \
         outside-parts markers with the output of `tests/run.sh --parts-table`"
    );
}
