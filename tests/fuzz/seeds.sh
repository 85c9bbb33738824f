# The fuzzers' seed inputs, from the tests' manuscripts and the built-in themes (sourced from the
# repository's root by run.sh and replay.sh). Usage: seed DIR FUZZER fills DIR afresh.
seed() {
  local dir=$1 f t
  shift
  rm -rf "$dir" && mkdir -p "$dir"
  case $1 in
    fuzz_markdown | fuzz_pipeline)
      cp tests/corpus/reader/*.md source/*.md tests/fuzz/seeds/*.md "$dir"
      for f in tests/corpus/books/*/*.md; do cp "$f" "$dir/$(basename "$(dirname "$f")")-$(basename "$f")"; done
      # a book in each built-in theme, given as its theme file (fuzz_pipeline.cpp)
      for t in styles/*.yaml; do
        { sed '/^=== theme ===$/q' tests/fuzz/seeds/pipeline-theme.md; cat "$t"; } >"$dir/theme-$(basename "$t" .yaml).md"
      done ;;
    fuzz_metadata)
      cp source/book.yaml "$dir/source.yaml"
      cp tests/corpus/reader/book.yaml "$dir/reader.yaml"
      for f in tests/corpus/books/*/book.yaml styles/*.yaml; do cp "$f" "$dir/$(basename "$(dirname "$f")")-$(basename "$f")"; done ;;
    fuzz_references)
      cp source/references.yaml "$dir/source.yaml"
      cp tests/corpus/reader/references.yaml "$dir/reader.yaml"
      for f in tests/corpus/books/*/references.*; do cp "$f" "$dir/$(basename "$(dirname "$f")")-$(basename "$f")"; done ;;
  esac
}
