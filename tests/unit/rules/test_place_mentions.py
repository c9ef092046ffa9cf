"""Places named inside a longer message (issue 16: details in the first message are not asked again)."""

from bot.rules.place_mentions import named_places, one_of, school_phrases

DISTRICTS = {"Burbank": "burbank", "Glendale": "glendale", "Long Beach": "long beach", "Beverly Hills": "bh"}


def test_a_district_named_in_a_story_is_found_in_either_language():
    assert named_places("We live in Burbank and want her at Toluca Lake", DISTRICTS) == ["burbank"]
    assert named_places("vivimos en long beach, ca", DISTRICTS) == ["long beach"]
    assert named_places("To Toluca Lake Elementary. We live in Burbank.", DISTRICTS) == ["burbank"]


def test_the_workplace_is_not_the_home_district():
    text = "trabajo en Glendale pero vivimos en Burbank"
    assert named_places(text, DISTRICTS, not_after_work=True) == ["burbank"]
    assert set(named_places(text, DISTRICTS)) == {"burbank", "glendale"}


def test_one_of_gives_up_when_two_places_are_named():
    assert one_of(["burbank"]) == "burbank"
    assert one_of(["burbank", "glendale"]) is None
    assert one_of([]) is None


def test_school_phrases_end_in_an_english_school_word_or_follow_a_spanish_one():
    assert "toluca lake elementary" in school_phrases("to Toluca Lake Elementary. We live in Burbank")
    assert "ramona elementary" in school_phrases("la queremos en la primaria Ramona porfa")
    assert "belmont senior high" in school_phrases("que vaya a la preparatoria Belmont")
    assert school_phrases("we live in Burbank") == []
