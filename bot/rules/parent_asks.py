"""What a parent's message asks for: a question rather than an answer, a question about doing
something rather than a request to do it, "I have no account", "I don't know", dates, uploads.
Both languages, SMS spelling ("wen can i aply", "q documentos nesesito")."""

from __future__ import annotations

import re

from bot.rules.typed_answers import fold

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
    r"|^(?:eso|esto|that|this|and that|y eso) (?:donde|como|cuando|where|how|when)\b"
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


_WHAT_IS_IT = re.compile(
    r"\b(?:no (?:se|entiendo|comprendo) (?:(?:q|que|lo que|lo q) )?(?:es|significa|quiere decir)"
    r"|(?:q|que) es eso|(?:q|que) significa|(?:q|que) quiere decir|no entiendo|no le entiendo"
    r"|what(?:'s| is) (?:that|this|a release|it)|whats (?:that|this)|what does (?:that|it|this) mean"
    r"|(?:i )?(?:don'?t|dont|do not) (?:know|understand) what (?:that|this|it) (?:is|means)"
    r"|(?:i )?(?:don'?t|dont|do not) understand)\b"
)


def asks_what_it_means(text: str) -> bool:
    """ "no sé q es eso", "what's that?", "I don't understand": the parent needs the question
    explained; it is not a "no"."""
    return bool(_WHAT_IS_IT.search(fold(text)))


def says_dont_know(text: str) -> bool:
    """'I don't know', 'I don't have it', 'no sé', 'no lo tengo'."""
    return bool(_DONT_KNOW.search(fold(text)))


#: "Can we do the application now?": a request put as a question.
_APPLY_NOW = re.compile(
    r"\b(?:can|could) (?:we|i|you) (?:do|start|begin|fill out|make|finish) (?:\S+ ){0,2}(?:application|permit)\b"
    r"|\b(?:podemos|puedo|ya podemos) (?:hacer|empezar|llenar|terminar) (?:\S+ ){0,2}(?:solicitud|permiso)\b"
)


_REQUEST = re.compile(
    r"\b(?:i|we) (?:want|wanna|need|would like|d like|'d like|am trying|m trying|have) to\b|\bid like\b|\bhelp me\b"
    r"|\blet'?s\b|\bstart\b|\bbegin\b|\bsign me up\b|\bapply for me\b|\bcan you (?:help|start|apply|check)\b"
    r"|\bquiero\b|\bquisiera\b|\bme gustaria\b|\bnecesito (?:solicitar|aplicar|hacer|subir|pedir)\b|\bay[uú]d[ae]me\b"
    r"|\bempezar\b|\bcomenzar\b|\biniciar\b|\bempecemos\b|\bme ayuda\b|\bme puede ayudar\b|\bvamos\b"
    rf"|{_APPLY_NOW.pattern}"
)
_TIMING = re.compile(
    r"\b(?:when|wen|date|dates|deadline|open|opens|close|closes|closed|now|yet|still|late|too late|until|til|till"
    r"|cuando|fecha|fechas|abre|abren|cierra|cierran|ya|todavia|tarde|hasta|plazo|january|february|march|april"
    r"|may|june|july|august|september|october|november|december|enero|febrero|marzo|abril|mayo|junio|julio"
    r"|agosto|septiembre|octubre|noviembre|diciembre|feb|jan|dec)\b"
)


def requests_to_apply_now(text: str) -> bool:
    """ "can we do the application now?", "¿ya podemos hacer la solicitud?": a request put as a question."""
    return bool(_APPLY_NOW.search(fold(text)))


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


_NEW_CODE = re.compile(
    r"\b(?:activated|activate it|clicked the link|just clicked|sign me in|log me in|resend|new code"
    r"|another code|send (?:it|the code|a code|me a code|me another|another one) ?(?:again|now)?"
    r"|(?:didn'?t|did not|never) (?:get|got|receive|arrive)|no (?:me )?(?:llego|ha llegado)"
    r"|otro codigo|nuevo codigo|reenvi\w*|(?:mande|manda|envie|envia)(?:me|lo)? (?:otro|de nuevo|otra vez)"
    r"|ya (?:la |lo )?active|ya esta activad[ao]|ya le di (?:click|clic)|inicia(?:r|me) (?:la )?sesion)\b"
)


def asks_for_a_new_code(text: str) -> bool:
    """At the code question: "I just activated it, sign me in", "resend", "no me llegó": send a new
    code to the same address (a pending account gets its code once it is active)."""
    folded = fold(text)
    return not any(char.isdigit() for char in folded) and bool(_NEW_CODE.search(folded))


_NO_ACTIVATION_EMAIL = re.compile(
    r"\b(?:(?:didn'?t|did not|never|haven'?t|have not|still (?:haven'?t|have not|didn'?t)) (?:get|got|receive|received"
    r"|see|seen) (?:the |an |my |any |your )?(?:activation )?(?:email|e-mail|mail|link)"
    r"|no (?:me )?(?:ha )?llego (?:el |ningun |nada de )?(?:correo|email|enlace|link)"
    r"|no (?:he )?recibi (?:el |ningun )?(?:correo|email|enlace))\b"
)


def says_no_activation_email(text: str) -> bool:
    """ "I didn't get the email", "no me llegó el correo" (the activation email, after registering)."""
    return bool(_NO_ACTIVATION_EMAIL.search(fold(text)))


_HOW_LONG_IT_WORKS = re.compile(
    r"\b(?:how long (?:does|do|will|is|are) (?:the |this |that |my )?(?:reset |sign-in |sign in )?(?:link|code)s? "
    r"(?:work|last|valid|good)|when (?:does|will) (?:the |this |that |my )?(?:link|code) expire"
    r"|(?:cuanto|cuanto tiempo) (?:dura|sirve|vale|funciona) (?:el |la |ese |esa )?(?:enlace|link|codigo|liga)"
    r"|(?:hasta cuando|por cuanto tiempo) (?:sirve|vale|funciona|dura) (?:el |la |ese |esa )?(?:enlace|link|codigo|liga))\b"
)


def asks_how_long_it_works(text: str) -> bool:
    """ "how long does the link work?", "¿cuánto dura el código?": the lifetime of what was emailed."""
    return bool(_HOW_LONG_IT_WORKS.search(fold(text)))
