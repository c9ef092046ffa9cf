from hypothesis import given
from hypothesis import strategies as st

from bot.rules.sms import (
    GSM7_BASIC,
    GSM7_EXTENSION,
    chosen_option,
    encoding_of,
    keyword_of,
    numbered_options,
    segment_count,
    sms_messages,
    sms_segments,
    split_text,
    whatsapp_messages,
)

GSM_TEXT = st.text(alphabet=sorted(GSM7_BASIC | GSM7_EXTENSION), max_size=700)
ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=700)
SPANISH = st.text(alphabet="abcdefghijklmnopqrstuvwxyz áéíóúñ¿?¡!.,\n", max_size=1500)


def units(segment: str) -> int:
    """Counted independently of the module: septets for GSM-7, UTF-16 units for UCS-2."""
    if encoding_of(segment) == "GSM-7":
        return sum(2 if c in GSM7_EXTENSION else 1 for c in segment)
    return len(segment.encode("utf-16-le")) // 2


def fits_one_segment(segment: str, whole: str) -> bool:
    gsm = encoding_of(whole) == "GSM-7"
    alone = len(sms_segments(whole)) == 1
    limit = (160 if alone else 153) if gsm else (70 if alone else 67)
    # A segment is counted in the whole message's encoding (a GSM-7 piece of a UCS-2 text is UCS-2).
    count = (
        sum(2 if c in GSM7_EXTENSION else 1 for c in segment)
        if gsm
        else len(segment.encode("utf-16-le")) // 2
    )
    return count <= limit


def test_accented_spanish_is_ucs2_but_enye_is_gsm7() -> None:
    assert encoding_of("¿Cuándo puedo solicitar?") == "UCS-2"
    assert encoding_of("¡Mañana, señora! ¿Qué?") == "GSM-7"  # ñ, é, ¡, ¿ are in GSM-7
    assert encoding_of("Costs 5€ [a]") == "GSM-7"


def test_limits_of_one_message_and_of_segments() -> None:
    assert segment_count("a" * 160) == 1
    assert segment_count("a" * 161) == 2
    assert [len(s) for s in sms_segments("a" * 161)] == [153, 8]
    assert segment_count("á" * 70) == 1
    assert [len(s) for s in sms_segments("á" * 71)] == [67, 4]
    assert segment_count("€" * 80) == 1  # extension characters count twice
    assert segment_count("€" * 81) == 2
    assert sms_segments("") == []


def test_an_extension_character_or_an_emoji_is_never_split() -> None:
    text = "a" * 152 + "€" + "b" * 10
    assert sms_segments(text)[0] == "a" * 152
    emoji_text = "😀" * 40  # 80 UTF-16 units
    assert all(units(s) <= 67 for s in sms_segments(emoji_text))
    assert "".join(sms_segments(emoji_text)) == emoji_text


@given(st.one_of(GSM_TEXT, ANY_TEXT, SPANISH))
def test_every_segment_fits_and_joining_gives_back_the_text(text: str) -> None:
    segments = sms_segments(text)
    assert "".join(segments) == text
    assert all(segment and fits_one_segment(segment, text) for segment in segments)


@given(SPANISH)
def test_messages_fit_their_segments_and_join_back(text: str) -> None:
    messages = sms_messages(text, max_messages=1000)
    assert "".join(messages) == text
    assert all(segment_count(message) <= 4 for message in messages)


def test_long_answers_are_cut_at_a_paragraph_or_a_word() -> None:
    first = "Primero, cree su cuenta en línea. " * 5 + "\n\n"
    answer = first + "Después envíe la solicitud del permiso. " * 12
    messages = sms_messages(answer)
    assert messages[0] == first  # the paragraph, not 268 characters cut mid-sentence
    assert all(m.endswith((" ", "\n")) for m in messages[:-1])
    assert "".join(messages) == answer


def test_too_long_an_answer_is_shortened_with_a_note() -> None:
    answer = "Texto largo con acentos: información útil. " * 60
    messages = sms_messages(answer, note="Más en lausd.org")
    assert len(messages) == 5
    assert messages[-1].endswith("… Más en lausd.org")
    assert all(segment_count(m) <= 4 for m in messages)


@given(st.text(max_size=9000))
def test_whatsapp_messages_fit_4096_and_join_back(text: str) -> None:
    messages = whatsapp_messages(text)
    assert "".join(messages) == text
    assert all(0 < len(m) <= 4096 for m in messages)


@given(ANY_TEXT, st.integers(min_value=1, max_value=300))
def test_split_text_obeys_any_length_limit(text: str, limit: int) -> None:
    pieces = split_text(text, lambda piece: len(piece) <= limit)
    assert "".join(pieces) == text
    assert all(0 < len(p) <= limit for p in pieces)


def test_options_are_numbered_in_the_given_wording() -> None:
    text = numbered_options(["Sí", "No"], lambda n, title: f"Responda {n} para {title}")
    assert text == "Responda 1 para Sí\nResponda 2 para No"
    assert numbered_options(["Yes"], lambda n, t: f"{n}: {t}", first=3) == "3: Yes"


def test_a_numeric_reply_picks_an_option() -> None:
    assert chosen_option("1", 2) == 0
    assert chosen_option(" 2. ", 2) == 1
    assert chosen_option("#2", 3) == 1
    assert chosen_option("２", 2) == 1  # full-width digit from a phone keyboard
    assert chosen_option("3", 2) is None
    assert chosen_option("0", 2) is None
    assert chosen_option("4819", 2) is None  # the human check's digits stay digits
    assert chosen_option("1 y 2", 2) is None
    assert chosen_option("uno", 2) is None


@given(st.text(max_size=20), st.integers(min_value=0, max_value=12))
def test_a_chosen_option_is_always_in_range(reply: str, count: int) -> None:
    chosen = chosen_option(reply, count)
    assert chosen is None or 0 <= chosen < count


def test_keywords_are_whole_messages_in_either_language() -> None:
    assert keyword_of("HELP") == ("help", "en")
    assert keyword_of("Ayuda") == ("help", "es")
    assert keyword_of("ayúda!") == ("help", "es")
    assert keyword_of(" Alto. ") == ("stop", "es")
    assert keyword_of("STOP") == ("stop", "en")
    assert keyword_of("start") == ("start", "en")
    assert keyword_of("I need help") is None
    assert keyword_of("alto el fuego") is None
