from django import template

from library.listings import documents_for, language_name

register = template.Library()


@register.simple_tag
def library_documents(page):
    """``{% library_documents page as documents %}``: the library documents that belong on ``page``."""
    if page is None or not getattr(page, "pk", None):
        return []
    return documents_for(page)


@register.simple_tag
def library_page(page):
    """The live document library in ``page``'s language, if there is one."""
    from library.models import LibraryIndexPage

    if page is None:
        return None
    return LibraryIndexPage.objects.live().filter(locale_id=page.locale_id).first()


@register.filter
def document_language_name(code):
    return language_name(code)
