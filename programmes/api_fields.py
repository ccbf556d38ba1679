"""The programme fields of the public API that need the programme models (base/api_fields.py has the rest).

The models import this module for their ``api_fields``: it reads them only when serialising.
"""

from base.api_fields import InstanceField, programme_summary


class ParentProgrammeField(InstanceField):
    """The programme a call or training module belongs to (its parent page, same language)."""

    def to_representation(self, page):
        from programmes.models import ProgrammePage

        parent = ProgrammePage.objects.filter(path=page.path[: -page.steplen]).first()
        return programme_summary(parent) if parent else None
