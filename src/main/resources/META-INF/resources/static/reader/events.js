// The live event names, as the server sends them (annotation/EventType.java; EventNamesTest keeps the two equal).

export const EVENTS = Object.freeze({
  ANNOTATION_CREATED: 'annotation-created',
  ANNOTATION_UPDATED: 'annotation-updated',
  ANNOTATION_DELETED: 'annotation-deleted',
  ANNOTATION_HIDDEN: 'annotation-hidden',
  REPLY_CREATED: 'reply-created',
  BLIND: 'blind',
  REVEAL: 'reveal',
  PRESENCE: 'presence',
  CODEBOOK_CHANGED: 'codebook-changed'
});
