// Leaving a room mid-game asks first: closing or reloading the tab gets the
// browser's own "Leave site?" prompt, and the in-game Menu button a question
// naming the room. (A reload still comes back to the same seat.)

export function guardUnload(): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    event.preventDefault();
    // Older browsers show the prompt only when returnValue is set.
    event.returnValue = "";
  };
  window.addEventListener("beforeunload", onBeforeUnload);
  return () => window.removeEventListener("beforeunload", onBeforeUnload);
}

export function leaveQuestion(code: string): string {
  return `Leave room ${code}? The cluster keeps running for the others; you can come back with the code ${code}.`;
}

export function confirmLeave(code: string): boolean {
  return window.confirm(leaveQuestion(code));
}
