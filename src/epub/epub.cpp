// Assembling the EPUB: plan the files, write each, list them in the package, zip them in order.
#include "epub.hpp"

#include "content_plan.hpp"
#include "epub_css.hpp"
#include "navigation.hpp"
#include "package_document.hpp"
#include "pages.hpp"
#include "css_rules.hpp"
#include "kobo_spans.hpp"
#include "terms.hpp"
#include "tree_walk.hpp"
#include "xml_text.hpp"
#include "zip_container.hpp"

namespace fs = std::filesystem;

namespace recto::epub {

namespace {

const char* const xhtml_type = "application/xhtml+xml";

std::string container_xml() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">"
         "<rootfiles><rootfile full-path=\"EPUB/content.opf\" media-type=\"application/oebps-package+xml\"/>"
         "</rootfiles></container>\n";
}

// The size of a block's XHTML, for cutting chapters into files; with Kobo's spans when it gets them.
std::size_t estimated_size(const Block& b, XhtmlWriter& estimator, const Edition& edition) {
  pugi::xml_document scratch;
  pugi::xml_node body = scratch.append_child("body");
  estimator.block(body, b);
  if (edition.variant.kobo_spans) add_kobo_spans(body, edition.lang);
  std::size_t size = 0;
  struct Counter : pugi::xml_writer {
    std::size_t* n;
    void write(const void*, size_t bytes) override { *n += bytes; }
  } counter;
  counter.n = &size;
  scratch.save(counter, "", pugi::format_raw | pugi::format_no_declaration);
  return size;
}

// A manifest id (an XML name: it may not start with a digit) for a text file.
std::string file_id(const std::string& href) {
  std::string id = "text-";
  for (char c : href.substr(0, href.rfind('.'))) id += c == '/' ? '-' : c;
  return id;
}

void add_headings(const TextPart& part, std::vector<TocEntry>& toc) {
  for (std::size_t i = part.begin; i < part.end; ++i) {
    const auto* h = std::get_if<Header>(&part.division->blocks[i].node);
    // pandoc's class .unlisted keeps a heading out of the table of contents.
    if (h && h->level <= 3 && !h->attr.id.empty() && !h->attr.has_class("unlisted")) {
      toc.push_back({h->level, plain_text(h->content), part.file + "#" + h->attr.id});
    }
  }
}

// Images in these formats are compressed already: deflating them again costs time and saves nothing.
bool already_compressed(const std::string& media_type) {
  return media_type == "image/png" || media_type == "image/jpeg" || media_type == "image/gif" ||
         media_type == "image/webp";
}

}  // namespace

std::string write_epub(const Document& doc, const EpubOptions& options, Env& env, Diagnostics& diags) {
  Edition edition = make_edition(doc.meta, options.source_date_epoch);
  edition.variant = options.variant;
  // The print edition's page-list and page markers are known by their epub:type alone: a variant
  // without epub:type leaves them out.
  const std::vector<PageStart> no_pages;
  const std::vector<PageStart>& page_starts = options.variant.epub_types ? options.page_starts : no_pages;
  ContentPlan no_plan;
  XhtmlWriter estimator(no_plan, nullptr, diags);
  ContentPlan plan = plan_content(doc, [&](const Block& b) { return estimated_size(b, estimator, edition); });

  ImageStore images(doc.folder, env, diags);
  // The manuscript's cover-image, else the generated one.
  std::string cover_href = doc.meta.cover_image.empty() ? "" : images.add(doc.meta.cover_image, doc.folder, doc.meta.cover_image_at);
  XhtmlWriter writer(plan, &images, diags);
  PageMarks marks(page_starts);
  if (!page_starts.empty()) writer.set_page_marks(&marks);
  std::vector<PackageFile> text, back;
  std::vector<TocEntry> toc = {{1, term(Term::title_page, edition.lang), titlepage_file}};
  std::vector<Landmark> landmarks = {{"titlepage", term(Term::title_page, edition.lang), titlepage_file}};
  std::vector<TocEntry> references_toc;
  std::vector<Landmark> references_landmark;
  for (const TextPart& part : plan.parts) {
    bool references = is_references(*part.division);
    std::string title = part_title(part, doc);
    fs::path chapter_dir = fs::path(env.sources.path(part.division->span.file)).parent_path();
    writer.start_file(part.file, chapter_dir);
    PackageFile f{part.file, file_id(part.file), xhtml_type, "", text_part_xhtml(part, title, writer, edition), true};
    auto& entries = references ? references_toc : toc;
    bool starts_with_heading = part.begin < part.end && std::holds_alternative<Header>(part.division->blocks[part.begin].node);
    if (part.part == 1 && !starts_with_heading) entries.push_back({1, title, part.file});
    add_headings(part, entries);
    if (references) {
      if (part.part == 1) references_landmark.push_back({"bibliography", title, part.file});
      back.push_back(std::move(f));
    } else {
      if (text.empty()) landmarks.push_back({"bodymatter", term(Term::start_of_text, edition.lang), part.file});
      text.push_back(std::move(f));
    }
  }

  std::vector<PackageFile> files;
  files.push_back({nav_file, "nav", xhtml_type, "nav", "", false});
  files.push_back({"toc.ncx", "ncx", "application/x-dtbncx+xml", "", "", false});
  files.push_back({"css/epub.css", "css", "text/css", "", "", false});
  std::vector<PackageFile> cover_files;
  if (cover_href.empty() && !options.generated_cover.empty()) {
    cover_href = "images/cover.png";
    cover_files.push_back({cover_href, "cover-image", "image/png", "cover-image", options.generated_cover, false});
  }
  if (!cover_href.empty()) {
    landmarks.insert(landmarks.begin(), {"cover", term(Term::cover, edition.lang), cover_file});
    toc.insert(toc.begin(), {1, term(Term::cover, edition.lang), cover_file});
    files.push_back({cover_file, "cover", xhtml_type, "", cover_page_xhtml(cover_href, doc.meta, edition), true});
  }
  files.push_back({titlepage_file, "titlepage", xhtml_type, "", title_page_xhtml(doc.meta, edition, page_starts.empty() ? nullptr : &marks), true});
  files.insert(files.end(), text.begin(), text.end());
  if (!writer.notes().empty()) {
    std::string notes_title = term(Term::notes, edition.lang);
    toc.push_back({1, notes_title, endnotes_file});
    landmarks.push_back({"endnotes", notes_title, endnotes_file});
    files.push_back({endnotes_file, "endnotes", xhtml_type, "", endnotes_xhtml(writer.notes(), writer, edition), true});
  }
  toc.insert(toc.end(), references_toc.begin(), references_toc.end());
  landmarks.insert(landmarks.end(), references_landmark.begin(), references_landmark.end());
  files.insert(files.end(), back.begin(), back.end());
  toc.push_back({1, term(Term::colophon, edition.lang), colophon_file});
  files.push_back({colophon_file, "colophon", xhtml_type, "", colophon_xhtml(doc.meta, edition, options.generator), true});
  if (options.variant.toc_depth > 0) toc = toc_within_depth(toc, options.variant.toc_depth);
  files[0].data = nav_xhtml(toc, landmarks, marks.page_list(), edition);
  files[1].data = toc_ncx(toc, doc.meta.title, edition);
  std::vector<const std::string*> documents;
  for (const PackageFile& f : files) documents.push_back(&f.data);
  files[2].data = prune_stylesheet(epub_css, used_classes(documents));
  files.insert(files.end(), cover_files.begin(), cover_files.end());
  files.insert(files.end(), images.files().begin(), images.files().end());
  for (PackageFile& f : files) {
    if (f.href == cover_href && f.media_type.rfind("image/", 0) == 0) f.properties = "cover-image";
  }
  if (diags.has_errors()) return "";

  std::vector<ZipEntry> entries = {{"mimetype", "application/epub+zip", true},
                                   {"META-INF/container.xml", container_xml(), false},
                                   {"EPUB/content.opf",
                                    package_document(doc.meta, edition, Accessibility{!images.files().empty() || !cover_href.empty(),
                                                  page_starts.empty() ? "" : options.print_edition}, files),
                                    false}};
  for (const PackageFile& f : files) entries.push_back({"EPUB/" + f.href, f.data, already_compressed(f.media_type)});
  return zip_container(entries, edition.timestamp);
}

}  // namespace recto::epub
