"""Short questions about one answer the assistant has, in the words parents use (issue 16).

"ok y eso donde lo subo", "y eso con quien lo confirmo", "y si no la aceptan?", "como me avisan,
por carta?", "eso tiene prioridad?", "cuantas horas tengo q trabajar", "what does sibling mean?":
a classifier trained on tidy sentences read most of them as "yes" (a leading "y"/"ok"), or was
unsure. Only unmistakable wordings are read here; bot.rules.question_topics asks them after its own
topics (documents, dates, applying), so a message naming those keeps its topic.
"""

from __future__ import annotations

import re
from typing import Final

from bot.rules.reason_words import read_reason

UPLOAD: Final = "upload_document"
CONTACT: Final = "ask_contact"
APPEAL: Final = "ask_appeal"
RENEWAL: Final = "ask_renewal"
REASONS: Final = "ask_permit_reasons"
APPLY: Final = "apply_permit"
NEXT: Final = "ask_processing_time"
CAPABILITIES: Final = "ask_capabilities"
RELEASE: Final = "ask_release"
PROVISIONAL: Final = "ask_provisional_enrollment"

#: "¿dónde los subo?", "where do I upload them?", "how do I send the papers?".
_WHERE_UPLOAD: Final = re.compile(
    r"\b(?:donde|where|como|how)\b(?! long| soon| many| much)(?: \S+){0,3}? (?:subo|subir|subirlos|subirlas|upload|uploading|adjunto"
    r"|los mando|las mando|lo mando|la mando|envio los|send (?:them|it|the (?:documents|papers)|my documents))\b"
)
#: Who to ask or write to: the office's contacts.
_CONTACT: Final = re.compile(
    r"\b(?:con quien (?:lo |la |los )?(?:confirmo|me comunico|reviso|checo)"
    r"|a quien (?:le )?(?:escribo|llamo|contacto|mando)"
    r"|(?:cual es |y |me da |me das |me pasa |me puede dar )el (?:correo|email|e-mail|telefono)(?: de la oficina)?$"
    r"|(?:donde|en donde) (?:queda|esta) la oficina|direccion de la oficina|correo de la oficina"
    r"|(?:who|whom) (?:do|should|can) i (?:confirm|check) (?:it|this|that|with)"
    r"|(?:what'?s|what is|whats) (?:the|your|the office'?s) (?:email|e-mail|phone|phone number|address)(?! for\b)"
    r"|where is (?:the|your) office|how (?:do|can) i (?:contact|reach|email|call) (?:the office|you|them|someone)"
    # "nobody tells me nothing": whom to write to is the useful answer
    r"|(?:nobody|no one|noone) (?:tells|told|answers|answered|calls|called|explains|explained) (?:me|us)"
    r" (?:nothing|anything)|nadie (?:me |nos )?(?:dice|dijo|contesta|contesto|explica|explico) nada"
    r"|no (?:me |nos )?(?:dicen|contestan|explican|llaman) nada)\b"
)
#: "y si no la aceptan?", "what if they say no": a denial, and what can be done (the appeal).
_APPEAL: Final = re.compile(
    r"\b(?:(?:y )?si (?:no (?:me |nos )?(?:la |lo )?(?:aceptan|aprueban|dan)"
    r"|(?:me |nos )?(?:la |lo )?(?:niegan|rechazan|deniegan)"
    r"|(?:el distrito |lausd |el lausd |ellos )?(?:me |nos )?(?:dicen|dice) (?:que |q )?no)"
    r"|what if (?:they|it|lausd|the (?:district|office)|\w+(?: \w+)?) (?:says? no|den(?:y|ies)|rejects?)"
    r"|(?:if|what if) (?:it'?s|it is|we'?re|i'?m|we are|i am|i get|we get|she gets|he gets) (?:denied|rejected)"
    r"|apelar|apelacion|appeal|appeals)\b"
)
#: Changing school level: a new permit (the renewal answer).
_RENEWAL: Final = re.compile(
    r"\b(?:(?:cuando|si|once|when|after|if) (?:\S+ ){0,2}?(?:pase|pasa|cambie|cambia|entre|entra|vaya|goes|moves"
    r"|gets|starts|go|move)(?: up| on)? (?:a la |al |a |to |into )?"
    r"(?:secundaria|middle|prepa|preparatoria|high school|junior high)"
    r"|renew\w*|renovar\w*|reapply|apply again|volver a (?:pedir|solicitar|aplicar)(?:lo|la)?)\b"
)
#: "what does sibling mean?", "y lo del bullying como funciona": a named reason explained.
_MEANING: Final = re.compile(
    r"\b(?:que (?:es|significa|quiere decir)|q (?:es|significa)|como funciona|what (?:is|does)|whats|what'?s"
    r"|how does(?! (?:this|it|that|the) (?:(?:chat|bot|app|site|website) )?work)|mean|means|meaning|cuenta como|count as|counts as|qualify|califica"
    r"|(?:eso|esto|that|this|it) (?:cuenta|counts)|(?:does|would) (?:that|this|it) count)\b"
)
_DOCUMENT_WORDS: Final = re.compile(
    r"\b(?:papeles|papers|documentos?|documents?|docs|comprobantes?|proofs?|forms?|formulario|affidavit"
    r"|declaracion|letter|carta|fill out|sign|firmar|llenar)\b"
)
_PASSWORD: Final = re.compile(r"\b(?:password|contrasena|clave)\b")
_PRIORITY: Final = re.compile(r"\b(?:prioridad|priority|prioritized|priorizan)\b")
#: "cuántas horas tengo q trabajar": the parent-employment condition (hours a school week).
_WORK_HOURS: Final = re.compile(
    r"\b(?:cuantas horas|how many hours)\b(?!.*\b(?:oficina|office|abren|abierta|open)\b).*\b(?:trabaj\w*|work\w*)\b"
)
#: "¿dónde lo hago?", "where do I apply?": how and where to apply (a question: no sign-in).
_WHERE_APPLY: Final = re.compile(
    r"\b(?:donde (?:lo |la )?(?:hago|solicito|aplico|meto|lleno)|donde (?:se )?(?:solicita|aplica|llena)"
    r"|where (?:do|can|should) (?:i|we) (?:apply|do (?:it|that|this)|fill (?:it|this|that) out|submit))\b"
)
#: "¿qué pasa después de mandarla?", "como me avisan": what happens after applying.
_AFTER_APPLYING: Final = re.compile(
    r"\b(?:(?:q|que) sigue|(?:q|que) pasa (?:despues|luego)|y (?:despues|luego) (?:q|que)"
    r"|como (?:me|nos) (?:avisan|notifican|dicen|entero)|how (?:will|do) (?:i|we) (?:know|find out|hear)"
    r"|how (?:will|do) (?:they|you) (?:tell|notify|let) (?:me|us)"
    r"|what happens (?:after|once) (?:i|we) (?:apply|submit|send)"
    r"|si no (?:subo|mando|envio|entrego) (?:los |las |mis )?(?:papeles|documentos)"
    r"|what if i (?:don'?t|do not|never) (?:send|upload)|(?:send|upload) (?:them |it |the documents )?late)\b"
)
#: Where the release from the district of residence comes from: "who do I ask?" right after it.
_WHERE_RELEASE: Final = re.compile(
    r"\b(?:(?:where|how|who) (?:do|can|should) (?:i|we) (?:get|ask for|request) (?:the |a |my )?release"
    r"|who do (?:i|we) ask$|(?:donde|como|a quien) (?:pido|consigo|saco|solicito) (?:la|esa) autorizacion"
    r"|a quien se la pido$|a quien le pido$)"
)
#: Leaving the current school before the permit is decided (the provisional-enrollment answer says
#: not to withdraw before approval).
_WITHDRAW: Final = re.compile(
    r"\b(?:take (?:him|her|them|my (?:son|daughter|child|kid|kids)) out of (?:his|her|their|the) (?:current )?school"
    r"|withdraw (?:him|her|them|my (?:son|daughter|child|kid|kids))|pull (?:him|her|them) out"
    r"|(?:sacar|saco|retirar|retiro|dar de baja|doy de baja)(?:lo|la|los)? (?:a mi \w+ )?de (?:su|la) escuela actual"
    r"|(?:lo|la) (?:saco|retiro|doy de baja) (?:ya|ahorita|ahora|de una vez))\b"
)
#: "necesito info del permit": what the assistant can tell (no request yet).
_INFO: Final = re.compile(
    r"^(?:\S+ ){0,3}?(?:necesito|nesesito|nececito|quiero|kiero|busco|ocupo|i need|i want|i'?d like|looking for"
    r"|need|want)"
    r" (?:\S+ )?(?:info|informacion|information|mas informacion|more info)\b"
)


def reason_question(folded: str, text: str) -> tuple[str, str] | None:
    """(ask_permit_reasons, reason) for a question about what a reason means or needs to count
    ("what does sibling mean?", "eso tiene prioridad?", "cuantas horas tengo q trabajar"), else None.
    `folded` is `text` folded (bot.rules.typed_answers.fold)."""
    reason = read_reason(text)
    if _PRIORITY.search(folded):  # bullying is the reason the district gives priority (EC 46600)
        return REASONS, reason or "bullying"
    if _WORK_HOURS.search(folded):
        return REASONS, "parent_employment"
    if reason and _MEANING.search(folded) and not _DOCUMENT_WORDS.search(folded):
        return REASONS, reason
    return None


def faq_topic(folded: str) -> str | None:
    """The intent of a short FAQ question (uploading, appeals, contacts, a new school level, the
    release, where to apply, what happens after, "necesito info"), else None. `folded`: the folded
    message."""
    if _WHERE_UPLOAD.search(folded):
        return UPLOAD
    if _APPEAL.search(folded) and "provisional" not in folded:
        return APPEAL
    if _CONTACT.search(folded):
        return CONTACT
    if _RENEWAL.search(folded) and not _PASSWORD.search(folded):  # "renew… forgot my password"
        return RENEWAL
    if _WHERE_RELEASE.search(folded):
        return RELEASE
    if _WITHDRAW.search(folded):
        return PROVISIONAL
    if _WHERE_APPLY.search(folded):
        return APPLY
    if _AFTER_APPLYING.search(folded):
        return NEXT
    if _INFO.search(folded) and len(folded.split()) <= 8:
        return CAPABILITIES
    return None
