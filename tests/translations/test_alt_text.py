"""Image alt text is translated per language (ImageBlock's alt text is a wagtail-localize string) and required."""

from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.blocks import StreamBlockValidationError
from wagtail.images import get_image_model
from wagtail_localize.models import StringSegment, TranslationSource

from base.blocks import BodyBlock
from base.factories import add_page, translate
from home.models import StandardPage

ALT_EN = "Mayors of Piraeus and Puerto Montt sign the joint action plan"
ALT_EL = "Οι δήμαρχοι Πειραιά και Πουέρτο Μοντ υπογράφουν το κοινό σχέδιο δράσης"


def make_image(title="Signing ceremony"):
    buffer = BytesIO()
    PILImage.new("RGB", (64, 48), "navy").save(buffer, "PNG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name="signing.png"))


@pytest.fixture
def page_with_image(tree):
    image = make_image()
    return add_page(
        tree["home"]["en"],
        StandardPage(
            title="Signing in Piraeus",
            slug="signing",
            body=[("image", {"image": image, "alt_text": ALT_EN, "decorative": False})],
        ),
    )


@pytest.mark.django_db
def test_alt_text_is_a_string_translators_see(page_with_image):
    source, _created = TranslationSource.get_or_create_from_instance(page_with_image)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    alt = [segment for segment in segments if segment.string.data == ALT_EN]
    assert len(alt) == 1
    assert alt[0].context.path.endswith(".alt_text")


@pytest.mark.django_db
def test_a_greek_page_has_greek_alt_text(page_with_image, client):
    greek = translate(page_with_image, "el", {"Signing in Piraeus": "Υπογραφή στον Πειραιά", ALT_EN: ALT_EL})
    image_value = greek.specific.body[0].value
    assert image_value.contextual_alt_text == ALT_EL
    assert image_value.pk == page_with_image.body[0].value.pk  # the same image file, synchronised
    # The English page keeps its own alt text.
    assert StandardPage.objects.get(pk=page_with_image.pk).body[0].value.contextual_alt_text == ALT_EN

    html = client.get(greek.url).content.decode()
    assert f'alt="{ALT_EL}"' in html
    assert ALT_EN not in html


def test_alt_text_is_required_unless_the_image_is_decorative(db):
    image = make_image()
    block = BodyBlock()
    missing = block.to_python(
        [{"type": "image", "value": {"image": image.pk, "alt_text": "", "decorative": False}}]
    )
    with pytest.raises(StreamBlockValidationError) as error:
        block.clean(missing)
    assert "Please add some alt text" in str(error.value.as_json_data())

    decorative = block.to_python(
        [{"type": "image", "value": {"image": image.pk, "alt_text": "", "decorative": True}}]
    )
    block.clean(decorative)
    described = block.to_python(
        [{"type": "image", "value": {"image": image.pk, "alt_text": ALT_EN, "decorative": False}}]
    )
    block.clean(described)
