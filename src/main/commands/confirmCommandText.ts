/**
 * The native confirmation a command needs before it first runs: the exact
 * command text, in the OS language (Korean for ko-*, else English), as the
 * native menu is worded.
 */
export interface ConfirmCommandDialog {
  title: string
  message: string
  detail: string
  buttons: [run: string, cancel: string]
}

export function confirmCommandDialog(locale: string, text: string): ConfirmCommandDialog {
  if (locale.toLowerCase().startsWith('ko'))
    return {
      title: 'Speedup Lab',
      message: '이 명령을 이 컴퓨터에서 실행할까요?',
      detail: `${text}\n\n명령은 사용자 권한으로 실행되며 파일을 바꾸거나 지울 수 있습니다. 믿을 수 있는 명령만 실행하세요. 같은 명령은 다시 묻지 않습니다.`,
      buttons: ['실행', '취소']
    }
  return {
    title: 'Speedup Lab',
    message: 'Run this command on this computer?',
    detail: `${text}\n\nIt runs with your permissions and can change or delete files. Run only commands you trust. You will not be asked again for this exact command.`,
    buttons: ['Run', 'Cancel']
  }
}
