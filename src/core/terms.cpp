// The translations of the terms the book prints.
#include "terms.hpp"

#include <array>
#include <map>

namespace recto {

namespace {

// Per language: references, notes, contents, landmarks, title page, start of text, colophon, cover,
// pages (of the print edition).
using Row = std::array<const char*, 9>;

const std::map<std::string, Row>& table() {
  static const std::map<std::string, Row> rows = {
      {"en", {"References", "Notes", "Contents", "Landmarks", "Title page", "Start of text", "Colophon", "Cover", "Pages"}},
      {"fr", {"Références", "Notes", "Table des matières", "Repères", "Page de titre", "Début du texte",
              "Colophon", "Couverture", "Pages"}},
      {"de", {"Literatur", "Anmerkungen", "Inhalt", "Orientierungspunkte", "Titelseite", "Textbeginn",
              "Impressum", "Umschlag", "Seiten"}},
      {"es", {"Referencias", "Notas", "Índice", "Puntos de referencia", "Portada", "Inicio del texto",
              "Colofón", "Cubierta", "Páginas"}},
      {"it", {"Bibliografia", "Note", "Indice", "Punti di riferimento", "Frontespizio", "Inizio del testo",
              "Colophon", "Copertina", "Pagine"}},
      {"pt", {"Referências", "Notas", "Sumário", "Marcos", "Folha de rosto", "Início do texto", "Colofão", "Capa", "Páginas"}},
      {"nl", {"Referenties", "Noten", "Inhoud", "Oriëntatiepunten", "Titelpagina", "Begin van de tekst",
              "Colofon", "Omslag", "Pagina's"}},
      {"zh", {"参考文献", "注释", "目录", "导航", "扉页", "正文", "版权页", "封面", "页码"}},
      {"ja", {"参考文献", "注", "目次", "ランドマーク", "扉", "本文", "奥付", "表紙", "ページ"}},
      {"ru", {"Список литературы", "Примечания", "Содержание", "Ориентиры", "Титульный лист", "Начало текста",
              "Выходные данные", "Обложка", "Страницы"}},
      {"pl", {"Bibliografia", "Przypisy", "Spis treści", "Punkty orientacyjne", "Strona tytułowa",
              "Początek tekstu", "Kolofon", "Okładka", "Strony"}},
      {"sv", {"Referenser", "Noter", "Innehåll", "Landmärken", "Titelsida", "Textens början", "Kolofon", "Omslag", "Sidor"}},
  };
  return rows;
}

}  // namespace

std::string term(Term t, const std::string& lang) {
  std::string primary = lang.substr(0, lang.find('-'));
  auto it = table().find(primary);
  const Row& row = it == table().end() ? table().at("en") : it->second;
  return row[static_cast<std::size_t>(t)];
}

}  // namespace recto
