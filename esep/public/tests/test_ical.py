"""iCal text: every line break and separator escaped, so a staff text cannot start a new iCal property."""

import pytest

from esep.public.ical import _escape


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Абай к-сі, 10; зал", "Абай к-сі\\, 10\\; зал"),
        ("бірінші\r\nекінші", "бірінші\\nекінші"),
        ("бірінші\rLOCATION:жалған", "бірінші\\nLOCATION:жалған"),
        ("бірінші\nекінші", "бірінші\\nекінші"),
        ("C:\\жол", "C:\\\\жол"),
    ],
)
def test_ical_text_is_escaped(text, expected):
    assert _escape(text) == expected
