// Package hugocompat lets content written for Hugo build in playbook. Its
// one job on a page body is Shortcodes: Hugo's `{{< name >}}` and
// `{{% name %}}` tags have no meaning here, so each is left out of the
// page and reported with what to write instead, except `ref` and `relref`,
// which become the URL of the page they name. The rest of Hugo's and
// Zola's front matter (build options, headless bundles, cascade, Zola's
// [extra]) is read by package model.
package hugocompat
