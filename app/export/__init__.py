"""Policy summaries in Markdown, HTML, Word, CSV and JSON. Pure Python; PDF is rendered by app/ui."""
