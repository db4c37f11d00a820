/**
 * The preview page's words for its parts (findings, examples): PreviewPage provides them in the
 * language of the state the command sent, so a part never picks a language of its own.
 */
import { createContext, useContext } from 'react';
import { type PreviewTexts, previewTexts } from './previewTexts';

export const PreviewTextsContext = createContext<PreviewTexts>(previewTexts);

export function usePreviewTexts(): PreviewTexts {
  return useContext(PreviewTextsContext);
}
