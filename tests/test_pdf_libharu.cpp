// Pins the libharu 2.3.0 internals that src/pdf/libharu_internals.cpp relies on, so that another
// libharu fails here, loudly, rather than in a subtly broken PDF.
#include <catch2/catch.hpp>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_encrypt.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <cstddef>
#include <string>

#include "libharu_internals.hpp"

using namespace recto;

namespace {

struct Doc {
  HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
  ~Doc() { HPDF_Free(pdf); }
  std::string save() {
    REQUIRE(HPDF_SaveToStream(pdf) == HPDF_OK);
    HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
    std::string bytes(size, '\0');
    HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
    HPDF_ResetError(pdf);
    return bytes;
  }
};

}  // namespace

TEST_CASE("libharu is 2.3.0 with the record layouts recto reads", "[pdf]") {
  CHECK(std::string(HPDF_GetVersion()) == "2.3.0");
  CHECK(std::string(HPDF_VERSION_TEXT) == "2.3.0");
  // The header's layouts on x86-64 (a changed header changes these).
  CHECK(offsetof(HPDF_Doc_Rec, mmgr) == 8);
  CHECK(offsetof(HPDF_Doc_Rec, catalog) == 16);
  CHECK(offsetof(HPDF_Doc_Rec, xref) == 32);
  CHECK(offsetof(HPDF_Doc_Rec, trailer) == offsetof(HPDF_Doc_Rec, info) + 8);
  CHECK(offsetof(HPDF_PageAttr_Rec, fonts) == 8);
  CHECK(offsetof(HPDF_PageAttr_Rec, stream) == offsetof(HPDF_PageAttr_Rec, contents) + 8);
  CHECK(offsetof(HPDF_Dict_Rec, stream) == 64);
  CHECK(offsetof(HPDF_Dict_Rec, filter) == 72);
  CHECK(offsetof(HPDF_Dict_Rec, attr) == 88);
  CHECK(sizeof(HPDF_MD5_CTX) == 88);

  // The library's behaviour through those fields (a changed library changes these).
  Doc doc;
  REQUIRE(doc.pdf);
  CHECK_NOTHROW(pdf::check_libharu_layout(doc.pdf));
  CHECK(doc.pdf->pdf_version == HPDF_VER_13);
  HPDF_Page page = HPDF_AddPage(doc.pdf);
  REQUIRE(page);
  CHECK(HPDF_GetCurrentPage(doc.pdf) == doc.pdf->cur_page);
  CHECK_NOTHROW(pdf::check_libharu_page_layout(doc.pdf, page));
  auto attr = static_cast<HPDF_PageAttr>(page->attr);
  CHECK(attr->fonts == nullptr);
  HPDF_UINT before = HPDF_Stream_Size(attr->stream);
  REQUIRE(HPDF_Page_SetFontAndSize(page, HPDF_GetFont(doc.pdf, "Helvetica", nullptr), 10) ==
          HPDF_OK);
  CHECK(HPDF_Stream_Size(attr->stream) > before);  // libharu writes its operators to this stream
  CHECK(attr->fonts != nullptr);                   // made by libharu as add_font_to_page makes it
  CHECK_NOTHROW(pdf::check_libharu_page_layout(doc.pdf, page));

  // Reals print with 5 decimals from a float.
  CHECK(pdf::as_written_by_libharu(1.0 / 3) == 0.33333);
  CHECK(pdf::as_written_by_libharu(500) == 500);

  // An object added to the xref before it goes into a dictionary is written as a reference.
  HPDF_Dict shared = HPDF_Dict_New(doc.pdf->mmgr);
  REQUIRE(HPDF_Xref_Add(doc.pdf->xref, shared) == HPDF_OK);
  REQUIRE(HPDF_Dict_AddName(shared, "Recto", "Shared") == HPDF_OK);
  REQUIRE(HPDF_Dict_Add(doc.pdf->catalog, "RectoShared", shared) == HPDF_OK);
  pdf::set_document_id(doc.pdf, "seed");
  pdf::set_pdf_version_1_4(doc.pdf);
  const std::string bytes = doc.save();
  CHECK(bytes.rfind("%PDF-1.4\n", 0) == 0);
  CHECK(bytes.find("/RectoShared ") != std::string::npos);
  CHECK(bytes.find("/RectoShared <<") == std::string::npos);
  // MD5("seed"), twice.
  CHECK(
      bytes.find("/ID [ <FE4C0F30AA359C41D9F9A5F69C8C4192> <FE4C0F30AA359C41D9F9A5F69C8C4192> ]") !=
      std::string::npos);
}
