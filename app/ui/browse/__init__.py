"""Finding policies: the list, its model and delegates, the filters and saved searches."""
