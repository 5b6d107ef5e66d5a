export { APP_HANGUL, KOREAN_FACE, loadKoreanFace } from './koreanFace'
