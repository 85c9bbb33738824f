// recto's entry point: argv → options (CLI11) → a command → exit code.
#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>
#include <map>

#include "commands.hpp"

#ifndef RECTO_VERSION
#define RECTO_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
  using namespace recto;
  CLI::App app{"recto " RECTO_VERSION " — builds an EPUB and a typeset PDF from a Markdown manuscript"};
  app.set_version_flag("--version", "recto " RECTO_VERSION);
  app.require_subcommand(1);

  CommonOptions options;
  BuildOptions build_options;
  bool json = false;
  auto add_common = [&](CLI::App* cmd) {
    cmd->add_option("SOURCE", options.source,
                    "manuscript folder (with book.yaml) or a single Markdown file; default: .")
        ->allow_extra_args(false);
    cmd->add_option("--bibliography", options.bibliography, "a CSL YAML or JSON file read besides the manuscript's own");
    cmd->add_flag("--strict", options.strict, "treat warnings as errors");
    cmd->add_option("--diagnostics", options.diagnostics,
                    "how problems are printed: gcc (file:line:col: error: …), json, or github (workflow commands)")
        ->transform(CLI::CheckedTransformer(
            std::map<std::string, DiagnosticStyle>{
                {"gcc", DiagnosticStyle::gcc}, {"json", DiagnosticStyle::json}, {"github", DiagnosticStyle::github}},
            CLI::ignore_case));
  };
  CLI::App* build = app.add_subcommand("build", "build the book's EPUB and PDF (and the Kobo and Kindle EPUBs) into the output folder");
  add_common(build);
  build->add_option("-o,--output", build_options.out_dir, "output folder; default: out");
  build->add_option("--format", build_options.formats,
                    "formats to write, comma-separated: epub, kepub (for Kobo), kindle (for Send to Kindle), pdf "
                    "(default: epub,pdf)")
      ->delimiter(',')
      ->allow_extra_args(false);
  build->add_option("--theme", build_options.themes,
                    "PDF themes, comma-separated: trade, a5, ereader or a .yaml file (default: the book's, else trade)")
      ->delimiter(',')
      ->allow_extra_args(false);
  build->add_flag("-q,--quiet", build_options.quiet, "print nothing on success");
  build->add_option("--depfile", build_options.depfile,
                    "write a Make/Ninja depfile of every input read (chapters, YAML, references, images, "
                    "theme, fonts, hyphenation patterns)");
  std::string pages_theme;
  CLI::App* pages = app.add_subcommand("pages", "print the page dump of the PDF edition");
  add_common(pages);
  pages->add_option("--theme", pages_theme, "trade, a5, ereader or a .yaml file (default: the book's, else trade)");
  CLI::App* check = app.add_subcommand("check", "read the manuscript and report problems; write nothing");
  add_common(check);
  CLI::App* tree = app.add_subcommand("tree", "print the document tree");
  add_common(tree);
  tree->add_flag("--json", json, "print the tree as JSON");
  tree->add_flag("--raw", options.raw, "print the tree as read, before notes, ids and references are resolved");

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kUsage;
  }

  try {
    if (build->parsed()) return run_build(options, build_options, std::cout, std::cerr);
    if (pages->parsed()) return run_pages(options, pages_theme, std::cout, std::cerr);
    if (check->parsed()) return run_check(options, std::cout, std::cerr);
    if (tree->parsed()) return run_tree(options, json, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "recto: internal error: " << e.what() << "\n";
    return kInternal;
  }
  return kUsage;
}
