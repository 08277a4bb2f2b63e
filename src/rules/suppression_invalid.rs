//! `suppression-invalid`: a suppression postlint cannot read, which therefore suppresses
//! nothing: an unknown rule name or directive in a `postlint-…` comment, or a malformed
//! `postlint` front matter key. The reading is done once, in [`crate::suppress`].

use serde::Deserialize;

use super::{Context, Rule};
use crate::diagnostic::Finding;
use crate::post::Post;

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SuppressionInvalid {}

impl Rule for SuppressionInvalid {
    fn check(&self, post: &Post, _: &Context, findings: &mut Vec<Finding>) {
        findings.extend(post.suppressions.problems.iter().cloned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::check;

    #[test]
    fn reports_what_the_suppressions_could_not_read() {
        let source = "---\npostlint: {disable: [cover-mising]}\n---\n<!-- postlint-disable headng-empty -->\n";
        let findings = check(&SuppressionInvalid::default(), source);
        let names: Vec<_> = findings
            .iter()
            .map(|finding| &source[finding.range.clone()])
            .collect();
        assert_eq!(names, ["cover-mising", "headng-empty"]);
    }

    #[test]
    fn markdownlint_names_pass_silently() {
        let source = "<!-- markdownlint-disable MD013 no-hard-tabs -->\n";
        assert!(check(&SuppressionInvalid::default(), source).is_empty());
    }
}
