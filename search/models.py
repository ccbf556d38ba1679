"""What people search for, per day and language: aggregated counts only (search.querylog)."""

from django.db import models


class SearchQueryCount(models.Model):
    """How many times ``query`` (normalised) was searched on ``day`` in ``language``; ``query`` is
    empty for the searches beyond the day's cap of distinct queries ("other")."""

    day = models.DateField()
    language = models.CharField(max_length=8)
    query = models.CharField(max_length=100, blank=True)
    zero_results = models.BooleanField(default=False)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "language", "query", "zero_results"], name="search_query_count_unique"
            )
        ]
        indexes = [models.Index(fields=["language", "day"], name="search_query_count_lang_day")]

    def __str__(self):
        return f"{self.day} {self.language} {self.query!r}: {self.count}"
