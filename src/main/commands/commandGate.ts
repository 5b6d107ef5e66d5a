import { BenchFailure } from '../../shared/errors'
import { commandApprovalText } from '../../shared/command/commandSettings'
import type { CommandSettings } from '../../shared/command/commandSettings'
import type { CommandApprovals } from './commandApprovals'

export interface CommandGate {
  /** Asks the user (a native dialog in main) to confirm this exact text; true runs it. */
  confirmCommand?(text: string): Promise<boolean>
  /** Commands confirmed before, by hash; absent: every run of a command asks. */
  commandApprovals?: CommandApprovals
}

const refused = (message: string): BenchFailure => new BenchFailure({ code: 'forbidden', message })

/**
 * Main runs a user's command only after the user confirmed its exact text
 * in a native dialog, once per distinct command (remembered by its hash).
 * Nothing the renderer sends can skip it: the renderer has no say in
 * whether the dialog is shown or what it answered. Throws 'forbidden' when
 * the user declines or there is nobody to ask.
 */
export async function confirmCommandRun(
  settings: CommandSettings,
  gate: CommandGate
): Promise<void> {
  const text = commandApprovalText(settings)
  if (await gate.commandApprovals?.isApproved(text)) return
  if (!gate.confirmCommand)
    throw refused('A command runs only after you confirm it, and there is no window to ask in.')
  if (!(await gate.confirmCommand(text)))
    throw refused('The command was not run: you did not confirm it.')
  await gate.commandApprovals?.approve(text)
}
