import pytest

from app.domain.vocab import Jurisdiction, Status


@pytest.mark.parametrize(
    "typed", ["Blocked by court", "blocked_by_court", "BLOCKED BY COURT", "blocked-by-court"]
)
def test_status_accepts_the_label_or_snake_case(typed: str) -> None:
    assert Status.parse(typed) is Status.BLOCKED_BY_COURT


def test_unknown_status_lists_the_choices() -> None:
    with pytest.raises(ValueError, match="in_effect"):
        Status.parse("paused forever")


def test_every_member_has_a_label() -> None:
    assert Status.IN_EFFECT.label == "In effect"
    assert Jurisdiction("bilateral_us_mexico").label == "Bilateral US–Mexico"
    assert all(member.label for member in Status)
