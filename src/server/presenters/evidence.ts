// Output shape of evidence metadata (never its content).
export interface EvidenceRow {
  id: number;
  incident_id: number;
  sha256: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  description: string;
  uploaded_by: number | null;
  created_at: Date;
}

export function presentEvidence(row: EvidenceRow) {
  return {
    id: row.id,
    incidentId: row.incident_id,
    sha256: row.sha256,
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    description: row.description,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
  };
}
