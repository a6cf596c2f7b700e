"""Ingest: stored pages to Articles, the article store and the Whoosh index."""

import os

# Arrow's default allocator (mimalloc) keeps what a build has freed, for later: at 10,000
# pages a third of the build's memory, growing with the archive. The system allocator
# gives it back. Arrow reads this once, when it loads, so it is set before any import of
# pyarrow (every module that reads or writes Parquet is imported through this package).
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
