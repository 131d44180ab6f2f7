/**
 * Files dropped on the map: a PMTiles archive becomes a tile layer, anything else is imported as
 * a user layer. A file dropped outside the drop zones must not replace the page (the browser
 * would open it), so the window swallows those drops.
 */
import { useEffect, useState, type DragEvent as ReactDragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from './store';
import { startImport } from './importController';

export interface FileDrop {
  dropping: boolean;
  onDragOver: (e: ReactDragEvent<HTMLElement>) => void;
  onDragLeave: (e: ReactDragEvent<HTMLElement>) => void;
  onDrop: (e: ReactDragEvent<HTMLElement>) => void;
}

export function useFileDrop(): FileDrop {
  const { t } = useTranslation();
  const [dropping, setDropping] = useState(false);
  useEffect(() => {
    const stop = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);
  return {
    dropping,
    onDragOver: (e) => {
      if (!e.dataTransfer.types.includes('Files')) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      if (!dropping) setDropping(true);
    },
    onDragLeave: (e) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropping(false);
    },
    onDrop: (e) => {
      const file = e.dataTransfer.files[0];
      setDropping(false);
      if (!file) return;
      e.preventDefault();
      useAppStore.getState().setSidebarTab('data');
      if (/\.pmtiles$/i.test(file.name)) {
        void import('./tileLayerController').then(({ addTileLayerFromFile }) => addTileLayerFromFile(file)).then((r) => {
          if (!r.ok) useAppStore.getState().notify('warning', `${t(`tiles.problems.${r.code}`)} (${r.message})`);
        });
      } else startImport(file);
    },
  };
}
