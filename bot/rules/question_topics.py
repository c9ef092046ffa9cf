"""Messages whose topic the words make certain, whatever a classifier guesses (issue 16).

"q papeles me van a pedir?" after a long story, "¿y para guardería?" after a documents answer, or
"and for childcare?" are documents questions; a classifier trained on tidy sentences called them
dates, "stop" or the browser question. Only unmistakable wordings are read here: a documents word
in a question that is not about uploading, and a short follow-up ("y para …?", "and for …?", "what
about …?") that names a permit reason, and a request to apply for a permit ("quiero solicitar
permiso pa q mi hija entre…, es porque le hacen bullying") that is not a question, a question about
dates ("solo quiero saber las fechas"), leaving for now ("mejor lo hago después", "quiero otra
cosa"), and "what now?" (after a denial: an appeal; after a refused release: the release).
Everything else is left to the classifier, including questions whose topic words serve another
question: documents already sent (status), "pa q quieren mi correo" (why it is asked). Each rule
was checked against the training data's intents (docs/performance.md, session 8).
"""

from __future__ import annotations

import re
from typing import Final

from bot.rules.application_answers import read_direction
from bot.rules.faq_topics import faq_topic, reason_question
from bot.rules.parent_asks import (
    asks_how_long_it_works,
    looks_like_question,
    requests_to_apply_now,
    says_no_account,
)
from bot.rules.reason_words import read_reason
from bot.rules.typed_answers import fold

#: The intents these rules give: a documents question, a request to apply.
DOCUMENTS: Final = "ask_documents"
APPLY: Final = "apply_permit"
DATES: Final = "ask_application_dates"
STATUS: Final = "check_status"
#: A follow-up that only names a direction ("y pa salir del distrito?"), or asks how long the emailed
#: link or code works: the previous answer decides (action_respond_out_of_context).
FOLLOW_UP_DIRECTION: Final = "inform"
REASONS: Final = "ask_permit_reasons"
NEXT: Final = "ask_processing_time"
ACCOUNT: Final = "create_account"
PASSWORD_HERE: Final = "ask_password_rules"
STOP: Final = "stop"

_DOCUMENT_WORDS: Final = re.compile(
    r"\b(?:papeles|papers|paperwork|documentos?|documents?|docs|comprobantes?|proofs?|requisitos|affidavit"
    r"|declaracion jurada"
    r"|requirements|what do i need|what do i have to (?:bring|send|show)|what (?:do|would) they ask"
    r"|(?:que|q) necesito(?! (?:una |la |mi )?cuenta)|(?<!por )(?<!para )(?<!pa )que (?:me )?(?:piden|van a pedir)|(?<!por )(?<!para )(?<!pa )q (?:me )?(?:piden|van a pedir)"
    r"|que tengo que (?:llevar|presentar|mandar)|q tengo q (?:llevar|presentar|mandar)"
    r"|(?:what|wat) else (?:do i|do we|should i) (?:need|have to send|send)|(?:que|q) (?:mas )?me falta"
    r"|(?:what|wat)(?:'?s| is) (?:still )?missing|what am i missing"
    r"|what (?:does|do) (?:she|he|they|the \w+) (?:need|have) to (?:fill out|sign|give|bring|send|show)"
    r"|(?<!how )(?:do|does) (?:those|these|they|that|it|this) (?:count|work)(?! on| in| with)|(?:sirven|sirve|cuentan|valen) (?:esos|esas|eso)"
    r"|(?:esos|esas|eso) (?:sirven|sirve|cuentan|cuenta|valen)\b(?! como| de (?:razon|motivo)))\b"
)
#: Uploading, sending, status, a document rejected or never sent, passwords and appeals: other
#: questions that name documents or dates.
_OTHER_DOCUMENT_TOPICS: Final = re.compile(
    r"\b(?:upload\w*|subir|subo|suba|subirlos|attach|adjunt\w*|scan\w*|escan\w*|cargo|cargar|cargarlos"
    r"|where do i send|donde (?:los )?mando"
    r"|status|estatus|estado de|rejected|rechaz\w*|returned|devuelt\w*|lost|perdi"
    r"|(?:never|don'?t|do not|no|nunca) (?:send|sent|upload|mando|envio|subo)|passwords?|contrasenas?"
    r"|appeal\w*|apel\w*|denied|deneg\w*|negaron|contest"
    r"|receiv\w*|recibi\w*|revisaron|vieron|pending|pendientes?|they have all|atras\w*|delay\w*)\b"
)
_FOLLOW_UP: Final = re.compile(
    r"^(?:y|e|and|also|tambien|what about|how about|and what about|y que tal|y si|and if|y para|and for"
    r"|y por|and with|y con)\b"
)
_APPLY_REQUEST: Final = re.compile(
    r"\b(?:quiero|quisiera|queremos|necesito|necesitamos|i want to|i wanna|i'd like to|id like to"
    r"|i would like to|we want to|we need to|i need to|we'd like to)\b(?: \S+){0,3}? "
    r"(?:solicitar|aplicar|apply|pedir|sacar|request|get|hacer|tramitar|meter|llenar|fill out|fill in|iniciar"
    r"|empezar|comenzar|start|begin)\b(?: \S+){0,3}? (?:permiso|permit|solicitud|aplicacion|application)\b"
    r"|\b(?:necesito|quiero|i need|we need|i want)\b (?:el|un|a|the) (?:permiso|permit)\b"
    r"|^(?:iniciar|empezar|comenzar|llenar|hacer|start|begin|new) (?:una |la |mi |an? |my |the )?(?:nueva |new )?"
    r"(?:solicitud|aplicacion|application|permiso|permit)\b"
)
_DATES: Final = re.compile(
    r"\b(?:fechas|dates|deadlines?|plazos?|cuando (?:abren|abre|cierran|cierra|empiezan|empieza|se puede)"
    r"|when (?:do|does|can|will) (?:it|they|applications?|permits?|the \w+) (?:open|close|start)"
    r"|hasta cuando|until when|till when|(?:wait|esperar|espero) (?:until|till|til|hasta)"
    r"|cuando (?:puedo|podemos|se puede) (?:empezar a |comenzar a )?(?:aplicar|solicitar|pedir|meter)"
    r"|when can (?:i|we) (?:start (?:to )?)?(?:apply|applying)"
    r"|(?:miss|missed|after|se me pasa|se me paso|despues del) (?:the )?(?:deadline|fecha limite|plazo|april|abril"
    r"|30 de abril))\b"
)
#: Leaving what is going on for now: "mejor lo hago después", "quiero otra cosa", "never mind".
_LATER: Final = re.compile(
    r"\b(?:mejor (?:lo hago |luego|despues|otro dia|mas tarde)|lo hago (?:despues|luego|mas tarde|otro dia)"
    r"|en otro momento|quiero (?:hacer )?otra cosa|ya no quiero|no quiero seguir|olvidalo|dejalo"
    r"|maybe later|(?:i'?ll|i will|let me) do (?:it|this|that) later|never ?mind|forget it"
    r"|i want something else|something else please)\b"
)
_STATUS: Final = re.compile(
    r"\b(?:(?:see|check|view|track|look at|ver|revisar|checar|chequear) (?:on )?(?:my|mis|mi|our|la|las)"
    r" (?:applications?|solicitud(?:es)?|permits?|permisos?|aplicacion(?:es)?)"
    r"|status|estatus|como va (?:mi|la) (?:solicitud|aplicacion|permiso))\b"
)
_REASONS: Final = re.compile(
    r"\b(?:(?:que|q|cuales|cuáles|what|which) (?:son las |are the |)(?:razones|motivos|reasons)"
    r"|(?:razones|motivos|reasons) (?:pa|para|for|to)\b)"
)
#: "What happens next?": how an application is processed, and how long it takes.
_WHAT_NEXT: Final = re.compile(
    r"\b(?:what happens (?:next|now)|what'?s next|whats next|now what|what now|and then what"
    r"|y ahora (?:que|q)|ahora (?:que|q) sigue|(?:que|q) sigue|y luego (?:que|q)|(?:que|q) pasa ahora"
    r"|(?:que|q) pasa despues|y despues (?:que|q))\b"
)
#: "What now?" after a denial is about an appeal; after a release refused, about the release;
#: while the child attends without a permit, about provisional enrollment.
_DENIED: Final = re.compile(
    r"\b(?:negaron|deneg\w*|denied|turned down|rechaz\w*|no (?:me |nos |lo |la )?aprobaron"
    r"|dijeron (?:que|q) no)\b"
)
_RELEASE_REFUSED: Final = re.compile(r"\b(?:won'?t|will not|wont|no (?:lo |la )?quieren?) (?:release|liberar|soltar)")
_PROVISIONAL: Final = re.compile(r"\b(?:provisional\w*|sin (?:el )?permiso|without (?:a |the )?permit)\b")
#: Signing in to see an application is about the account, not the status words it contains.
_SIGNING_IN: Final = re.compile(
    r"\b(?:log ?in|login|sign in|entrar|clave|contrasena|password|user)\b"
)
_RENEWAL_WORDS: Final = re.compile(r"\b(?:renew\w*|renov\w*)\b")
APPEAL: Final = "ask_appeal"
RELEASE: Final = "ask_release"
PROVISIONAL: Final = "ask_provisional_enrollment"
#: "None of those, something else…" after the reasons: the Exception reason.
_NONE_OF_THOSE: Final = re.compile(
    r"\b(?:none of (?:those|them|these|the reasons)|something else|another reason|other reason"
    r"|ninguno de (?:esos|estos|los motivos)|ninguna de (?:esas|estas)|ningun motivo|otro motivo"
    r"|otra razon|otra situacion)\b"
)
#: "Do I type the new password here?": never in the chat (the password rules answer says where).
_PASSWORD_HERE: Final = re.compile(
    r"\b(?:(?:la|lo) (?:pongo|escribo|mando) aqui|(?:pongo|escribo) (?:la|mi) (?:nueva|contrasena) aqui"
    r"|(?:type|put|write|send) (?:it|the password|my password|the new one|my new password) here"
    r"|where do i (?:type|put|write) (?:the|my) (?:new )?password)\b"
)
#: "pa q quieren mi correo?", "why do you need my email": why something is asked.
_WHY_THEY_ASK: Final = re.compile(
    r"\b(?:pa|para) (?:que|q) (?:me )?(?:lo |la |los |las )?(?:quieren|necesitan|piden|ocupan)\b"
    r"|\bwhy do (?:you|they) (?:need|want)\b"
)
_ASKING: Final = re.compile(r"\b(?:q|que|what|which|cuales|cual)\b")
#: A follow-up is short: "¿y para guardería?", "and if it's because of my job?".
_FOLLOW_UP_WORDS: Final = 14
_DIRECTION_FOLLOW_UP_WORDS: Final = 7


def question_topic(text: str) -> tuple[str, str | None] | None:
    """(intent, reason code or None) for a question the words make certain, else None."""
    folded = fold(text)
    if not folded or text.lstrip().startswith("/"):
        return None
    if _WHY_THEY_ASK.search(folded):  # the classifier knows `ask_why_needed`; no rule reads it
        return None
    if asks_how_long_it_works(text):  # about what was just emailed: action_respond_out_of_context says
        return FOLLOW_UP_DIRECTION, None
    explained = reason_question(folded, text)  # "what does sibling mean?", "eso tiene prioridad?"
    short_or_asking = looks_like_question(text) or len(folded.split()) <= _FOLLOW_UP_WORDS
    other_topic = _OTHER_DOCUMENT_TOPICS.search(folded) or _DATES.search(folded)
    if explained is not None and short_or_asking and not other_topic:
        return explained
    if _FOLLOW_UP.match(folded) and len(folded.split()) <= _FOLLOW_UP_WORDS:
        reason = read_reason(text)
        if reason is not None and not _OTHER_DOCUMENT_TOPICS.search(folded):
            return DOCUMENTS, reason
        if reason is None and read_direction(text) and len(folded.split()) <= _DIRECTION_FOLLOW_UP_WORDS:
            return FOLLOW_UP_DIRECTION, None
    if (
        _DOCUMENT_WORDS.search(folded)
        and not _OTHER_DOCUMENT_TOPICS.search(folded)
        and (looks_like_question(text) or _ASKING.search(folded))
    ):
        return DOCUMENTS, read_reason(text)
    if (
        _NONE_OF_THOSE.search(folded)
        and read_reason(text) in (None, "exception")
        and not _OTHER_DOCUMENT_TOPICS.search(folded)  # "none of the passwords I tried is accepted"
    ):
        return DOCUMENTS, "exception"
    if _REASONS.search(folded) and not _DOCUMENT_WORDS.search(folded):
        return REASONS, None
    if _STATUS.search(folded) and not _SIGNING_IN.search(folded):
        return STATUS, None
    if _LATER.search(folded) and "?" not in text:  # "ya no quiero hacer la aplicación ahorita"
        return STOP, None
    if (_APPLY_REQUEST.search(folded) and not looks_like_question(text)) or requests_to_apply_now(text):
        return APPLY, None
    if _DATES.search(folded) and _PROVISIONAL.search(folded):
        return PROVISIONAL, None  # "hasta cuando puede ir sin permiso"
    if _DATES.search(folded) and not _OTHER_DOCUMENT_TOPICS.search(folded) and not _RENEWAL_WORDS.search(folded):
        return DATES, None
    if _PASSWORD_HERE.search(folded):
        return PASSWORD_HERE, None
    if says_no_account(text):  # "todavía no tengo cuenta, ¿la necesito pa eso?"
        return ACCOUNT, None
    if _WHAT_NEXT.search(folded):
        if _RELEASE_REFUSED.search(folded):
            return RELEASE, None
        if _PROVISIONAL.search(folded):
            return PROVISIONAL, None
        if _DENIED.search(folded):
            return APPEAL, None
        if not _OTHER_DOCUMENT_TOPICS.search(folded):
            return NEXT, None
    faq = faq_topic(folded)  # "ok y eso donde lo subo", "y si no la aceptan?", "con quien lo confirmo"
    if faq is not None:
        return faq, None
    return None
