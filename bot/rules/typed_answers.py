"""Answers typed instead of tapped: yes/no, a permit reason in words, and telling a question from
an answer. Both languages, SMS spelling, no accents ("ya plz", "simon", "trabajo de mi papa").

The forms use these whatever intent the classifier guessed: "sibling" at the reason question is an
answer, even when the classifier read it as "what are the reasons?".
"""

from __future__ import annotations

import re
import unicodedata

from bot.core.codes import Direction


def fold(text: str) -> str:
    """Lower case, accents off, punctuation to spaces, spaces collapsed: "¡Sí, claro!" -> "si claro"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.sub(r"[^\w@.'-]+", " ", bare).replace("_", " ").split())


_YES = {
    "yes",
    "yeah",
    "yea",
    "ya",
    "yep",
    "yup",
    "yes please",
    "sure",
    "ok",
    "okay",
    "k",
    "kk",
    "y",
    "correct",
    "right",
    "thats right",
    "that's right",
    "go ahead",
    "do it",
    "please do",
    "absolutely",
    "of course",
    "submit",
    "submit it",
    "create it",
    "confirm",
    "looks good",
    "all good",
    "perfect",
    "si",
    "sii",
    "sip",
    "claro",
    "claro que si",
    "simon",
    "dale",
    "va",
    "sale",
    "okey",
    "oki",
    "esta bien",
    "por favor",
    "correcto",
    "asi es",
    "de acuerdo",
    "enviar",
    "envialo",
    "adelante",
    "hazlo",
    "perfecto",
    "todo bien",
    "ándale",
    "andale",
    "orale",
    "porfa",
    "afirmativo",
}
_NO = {
    "no",
    "nope",
    "nah",
    "n",
    "not really",
    "no thanks",
    "no thank you",
    "not yet",
    "dont",
    "don't",
    "wrong",
    "incorrect",
    "thats wrong",
    "that's wrong",
    "not right",
    "negative",
    "nel",
    "nop",
    "no gracias",
    "todavia no",
    "aun no",
    "aún no",
    "todavía no",
    "incorrecto",
    "esta mal",
    "mal",
    "negativo",
    "para nada",
    "no tengo",
    "i dont",
    "i don't",
    "i do not",
    "no i dont",
    "no i don't",
}
_FILLERS = {
    "plz",
    "pls",
    "please",
    "thanks",
    "thank",
    "you",
    "gracias",
    "porfa",
    "por",
    "favor",
    "lol",
    "ok",
    "oh",
    "yes",
    "si",
    "go",
    "ahead",
    "sure",
    "claro",
    "que",
    "dale",
    "pues",
    "thx",
    "ty",
    "lets",
    "let's",
    "do",
    "it",
    "bueno",
    "okay",
    "yeah",
    "ya",
    "yep",
    "mija",
    "mijo",
    "sir",
    "maam",
    "senor",
    "senora",
    "seno",
    "yup",
    "absolutely",
    "of",
    "course",
}


def read_yes_no(text: str) -> str | None:
    """'yes', 'no', or None when the message is not a plain yes or no ("yes but my grade is wrong")."""
    folded = fold(text).strip(" .!")
    if not folded or len(folded.split()) > 6:
        return None
    if folded in _YES:
        return "yes"
    if folded in _NO:
        return "no"
    words = folded.split()
    if words[0] in ("no", "nope", "nah", "nel") and all(w in _FILLERS | _NO for w in words[1:]):
        return "no"
    if all(w in _FILLERS or w in _YES for w in words):
        return "yes"
    return None


#: Words that name a reason, in both languages; a message naming exactly one reason names it.
REASON_WORDS: dict[str, tuple[str, ...]] = {
    "parent_employment": (
        "employment",
        "employer",
        "employed",
        "my job",
        "work",
        "works",
        "working",
        "workplace",
        "trabajo",
        "trabaja",
        "trabajamos",
        "trabajan",
        "empleo",
        "empleador",
        "empleo de los padres",
    ),
    "sibling": (
        "sibling",
        "siblings",
        "brother",
        "brothers",
        "sister",
        "sisters",
        "bro",
        "sis",
        "hermano",
        "hermana",
        "hermanos",
        "hermanas",
        "hermanito",
        "hermanita",
    ),
    "childcare": (
        "childcare",
        "child care",
        "daycare",
        "day care",
        "babysitter",
        "baby sitter",
        "nanny",
        "grandma",
        "grandmother",
        "after school care",
        "watches them",
        "watches",
        "cuida",
        "cuidan",
        "suegra",
        "watches her",
        "watches him",
        "takes care of",
        "picks them up",
        "picks her up",
        "picks him up",
        "cuidado de ninos",
        "guarderia",
        "nineria",
        "ninera",
        "abuela",
        "abuelita",
        "cuidado infantil",
        "me los cuida",
        "la cuida",
        "lo cuida",
    ),
    "bullying": ("bullying", "bullied", "bully", "bullies", "acoso", "acosado", "acosada", "bulling"),
    "military": (
        "military",
        "army",
        "navy",
        "marine",
        "marines",
        "air force",
        "active duty",
        "deployed",
        "militar",
        "ejercito",
        "marina",
        "fuerza aerea",
        "servicio activo",
    ),
    "specialized_program": (
        "specialized program",
        "special program",
        "program",
        "programa",
        "programa especializado",
        "ib program",
        "stem",
        "dual language",
        "doble idioma",
        "inmersion",
    ),
    "continuing_enrollment": (
        "continuing",
        "continuing enrollment",
        "continue",
        "stay at",
        "stay in the same school",
        "finish",
        "continuar",
        "continuidad",
        "seguir en",
        "quedarse",
        "terminar en",
    ),
    "exception": ("exception", "special case", "excepcion", "caso especial", "otro motivo"),
}


def read_reason(text: str, direction: Direction | str | None = None) -> str | None:
    """The one permit reason a typed answer names ("because I work in Hollywood" -> parent_employment),
    or None when it names none or several."""
    folded = f" {fold(text)} "
    found = {reason for reason, words in REASON_WORDS.items() if any(f" {word} " in folded for word in words)}
    if len(found) == 2 and "parent_employment" in found and "childcare" in found:
        found = {"childcare"}  # "my mom watches them while I work": the reason is childcare
    if len(found) == 2 and "specialized_program" in found:
        found.discard("specialized_program")  # "program" said next to another reason is that reason's
    return found.pop() if len(found) == 1 else None


_QUESTION_STARTS = (
    "what",
    "whats",
    "what's",
    "when",
    "how",
    "where",
    "why",
    "which",
    "who",
    "can",
    "could",
    "do",
    "does",
    "is",
    "are",
    "should",
    "will",
    "would",
    "may",
    "que",
    "qué",
    "cual",
    "cuales",
    "cuando",
    "como",
    "donde",
    "por que",
    "quien",
    "puedo",
    "puede",
    "se puede",
    "hay",
    "tengo que",
    "wat",
    "wen",
    "wut",
    "y si",
    "and if",
    "what if",
    "what does",
)


_OPENING = re.compile(
    r"^(?:(?:hi|hello|hey|hola|buenas|buenos dias|buenas tardes|good morning|ok|okay|so|and|y|pues|oye|disculpe"
    r"|excuse me|sorry|perdon|quick question|una pregunta|question)\b[\s,!.]*)+"
)


#: A question later in the message: "ok so we live in burbank, can she go now or wait til feb".
_QUESTION_INSIDE = re.compile(
    r"\b(?:can|could|should|do|does|is|are|will|would|may) (?:i|we|she|he|they|you|it|my|our)\b"
    r"|\b(?:puede|puedo|podemos|debo|debemos|se puede)\b|\bor (?:wait|not)\b|\bo (?:esperar|no)\b$"
)


def looks_like_question(text: str) -> bool:
    """A question rather than an answer: a question mark, or a question word first."""
    if "?" in text or "¿" in text:
        return True
    folded = _OPENING.sub("", fold(text))
    if _QUESTION_INSIDE.search(folded):
        return True
    return any(folded == start or folded.startswith(f"{start} ") for start in _QUESTION_STARTS)


_NO_ACCOUNT = re.compile(
    r"\b(?:(?:do ?n'?t|dont|do not|never|no) (?:have|got|made|created|registered|have an?|have no|"
    r"tengo)\b.*\b(?:account|acount|acct|cuenta|registered|registrad[oa]|password|login)"
    r"|no account|not registered|never registered|havent registered|haven'?t registered|no acct"
    r"|(?:i|we) (?:need|want) (?:to )?(?:create|make|open|register)|create an? (?:account|acount)"
    r"|make an? account|sign ?up|register me|new account"
    r"|no tengo (?:una )?cuenta|sin cuenta|no estoy registrad[oa]|no me he registrado|no me registre"
    r"|nunca me registre|crear (?:una )?cuenta|abrir (?:una )?cuenta|registrarme|cuenta nueva"
    r"|no tengo usuario|no tengo correo registrado)\b"
)


def says_no_account(text: str) -> bool:
    """The parent says they have no account yet, or want to make one ("i dont have no account yet")."""
    return bool(_NO_ACCOUNT.search(fold(text)))


_DONT_KNOW = re.compile(
    r"\b(?:i )?(?:do ?n'?t|dont|do not) (?:know|remember|have it|have that|have one)\b|\bidk\b|\bno idea\b"
    r"|\bnot sure\b|\bno (?:lo |la )?(?:se|sé|tengo|recuerdo|me acuerdo)\b|\bni idea\b|\bquien sabe\b"
)


def says_dont_know(text: str) -> bool:
    """'I don't know', 'I don't have it', 'no sé', 'no lo tengo'."""
    return bool(_DONT_KNOW.search(fold(text)))


_REQUEST = re.compile(
    r"\b(?:i|we) (?:want|wanna|need|would like|d like|'d like|am trying|m trying|have) to\b|\bid like\b|\bhelp me\b"
    r"|\blet'?s\b|\bstart\b|\bbegin\b|\bsign me up\b|\bapply for me\b|\bcan you (?:help|start|apply|check)\b"
    r"|\bquiero\b|\bquisiera\b|\bme gustaria\b|\bnecesito (?:solicitar|aplicar|hacer|subir|pedir)\b|\bay[uú]d[ae]me\b"
    r"|\bempezar\b|\bcomenzar\b|\biniciar\b|\bempecemos\b|\bme ayuda\b|\bme puede ayudar\b|\bvamos\b"
)
_TIMING = re.compile(
    r"\b(?:when|wen|date|dates|deadline|open|opens|close|closes|closed|now|yet|still|late|too late|until|til|till"
    r"|cuando|fecha|fechas|abre|abren|cierra|cierran|ya|todavia|tarde|hasta|plazo|january|february|march|april"
    r"|may|june|july|august|september|october|november|december|enero|febrero|marzo|abril|mayo|junio|julio"
    r"|agosto|septiembre|octubre|noviembre|diciembre|feb|jan|dec)\b"
)


def asks_rather_than_requests(text: str) -> bool:
    """A question about doing something ("wen can i aply 4 a permit?", "how do I upload?"), not a
    request to do it now ("I want to apply", "can you help me apply?"). Button payloads are requests."""
    if text.startswith("/"):
        return False
    folded = fold(text)
    return looks_like_question(text) and not _REQUEST.search(folded)


def asks_about_timing(text: str) -> bool:
    """The question is about when: dates, deadlines, "now", a month."""
    return bool(_TIMING.search(fold(text)))


_WANTS_TO_KNOW = re.compile(
    r"\b(?:know|kno|no|find out|tell me|learn|info|information|dates|deadline|saber|sepa|informacion|fechas|plazo)\b"
)


def wants_to_know(text: str) -> bool:
    """ "i just wanna kno the dates", "quiero saber las fechas": a question said as a statement."""
    return bool(_WANTS_TO_KNOW.search(fold(text)))


_UPLOAD = re.compile(r"\b(?:upload|uploading|subir|subo|send in|attach|adjuntar|scan|escanear)\b")


def wants_to_upload(text: str) -> bool:
    """ "I need to upload documents for my daughter's permit": a request to upload, not a question
    about which documents."""
    return bool(_UPLOAD.search(fold(text))) and not asks_rather_than_requests(text)
