"""Which documents are shown (a module of its own: the relations read it inside a commit, below
the stores that import the database layer)."""

# a document that is shown: in its issue's split (not withdrawn) and not in the 回收站. The unary
# + keeps SQLite off the removed_in index for IS NULL (nearly every row): it scanned the whole
# documents table through it instead of looking the few rows up by the query's own key
VISIBLE = "d.withdrawn = 0 AND +d.removed_in IS NULL"
