export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  // Allows to automatically instantiate createClient with right options
  // instead of createClient<Database, { PostgrestVersion: 'XX' }>(URL, KEY)
  __InternalSupabase: {
    PostgrestVersion: "12.0.2"
  }
  public: {
    Tables: {
      audit_log: {
        Row: {
          action: Database["public"]["Enums"]["audit_action"]
          actor_id: string | null
          actor_name: string
          at: string
          changed_columns: string[] | null
          id: number
          import_id: number | null
          new_values: Json | null
          old_values: Json | null
          org_unit_id: number | null
          row_id: string
          table_name: string
        }
        Insert: {
          action: Database["public"]["Enums"]["audit_action"]
          actor_id?: string | null
          actor_name: string
          at?: string
          changed_columns?: string[] | null
          id?: never
          import_id?: number | null
          new_values?: Json | null
          old_values?: Json | null
          org_unit_id?: number | null
          row_id: string
          table_name: string
        }
        Update: {
          action?: Database["public"]["Enums"]["audit_action"]
          actor_id?: string | null
          actor_name?: string
          at?: string
          changed_columns?: string[] | null
          id?: never
          import_id?: number | null
          new_values?: Json | null
          old_values?: Json | null
          org_unit_id?: number | null
          row_id?: string
          table_name?: string
        }
        Relationships: []
      }
      branch_evaluations: {
        Row: {
          branch_id: number
          created_at: string
          cycle_id: number
          grade: Database["public"]["Enums"]["branch_grade"] | null
          id: number
          report_submitted_on: string | null
          satisfaction: number | null
          score_backbone: number | null
          score_carrier: number | null
          score_leadership: number | null
          score_performance: number | null
          score_system: number | null
          score_venue: number | null
          total: number | null
          updated_at: string
        }
        Insert: {
          branch_id: number
          created_at?: string
          cycle_id: number
          grade?: Database["public"]["Enums"]["branch_grade"] | null
          id?: never
          report_submitted_on?: string | null
          satisfaction?: number | null
          score_backbone?: number | null
          score_carrier?: number | null
          score_leadership?: number | null
          score_performance?: number | null
          score_system?: number | null
          score_venue?: number | null
          total?: number | null
          updated_at?: string
        }
        Update: {
          branch_id?: number
          created_at?: string
          cycle_id?: number
          grade?: Database["public"]["Enums"]["branch_grade"] | null
          id?: never
          report_submitted_on?: string | null
          satisfaction?: number | null
          score_backbone?: number | null
          score_carrier?: number | null
          score_leadership?: number | null
          score_performance?: number | null
          score_system?: number | null
          score_venue?: number | null
          total?: number | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "branch_evaluations_branch_id_fkey"
            columns: ["branch_id"]
            referencedRelation: "branches"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "branch_evaluations_cycle_id_fkey"
            columns: ["cycle_id"]
            referencedRelation: "evaluation_cycles"
            referencedColumns: ["id"]
          },
        ]
      }
      branch_excellence_years: {
        Row: {
          branch_id: number
          created_at: string
          id: number
          plan_id: number | null
          status: Database["public"]["Enums"]["branch_excellence"]
          updated_at: string
          year: number
        }
        Insert: {
          branch_id: number
          created_at?: string
          id?: never
          plan_id?: number | null
          status: Database["public"]["Enums"]["branch_excellence"]
          updated_at?: string
          year: number
        }
        Update: {
          branch_id?: number
          created_at?: string
          id?: never
          plan_id?: number | null
          status?: Database["public"]["Enums"]["branch_excellence"]
          updated_at?: string
          year?: number
        }
        Relationships: [
          {
            foreignKeyName: "branch_excellence_years_branch_id_fkey"
            columns: ["branch_id"]
            referencedRelation: "branches"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "branch_excellence_years_plan_id_fkey"
            columns: ["plan_id"]
            referencedRelation: "excellence_plans"
            referencedColumns: ["id"]
          },
        ]
      }
      branches: {
        Row: {
          basis: Database["public"]["Enums"]["branch_basis"]
          code: string
          created_at: string
          excellence: Database["public"]["Enums"]["branch_excellence"]
          founded_on: string | null
          id: number
          kind: Database["public"]["Enums"]["branch_kind"]
          last_election_on: string | null
          name: string
          org_unit_id: number
          secretary_id: number | null
          status: Database["public"]["Enums"]["branch_status"]
          term_years: number
          updated_at: string
          election_due_on: string | null
          todo_activity_fund_low: boolean | null
          todo_branch_oversize: boolean | null
          todo_branch_too_few_full: boolean | null
          todo_election_due: boolean | null
          todo_election_due_soon: boolean | null
          todo_election_overdue: boolean | null
          todo_evaluation_report_missing: boolean | null
          todo_evaluation_scores_missing: boolean | null
          todo_meetings_none_this_quarter: boolean | null
          todo_no_secretary: boolean | null
          todo_secretary_not_full: boolean | null
        }
        Insert: {
          basis?: Database["public"]["Enums"]["branch_basis"]
          code: string
          created_at?: string
          excellence?: Database["public"]["Enums"]["branch_excellence"]
          founded_on?: string | null
          id?: never
          kind: Database["public"]["Enums"]["branch_kind"]
          last_election_on?: string | null
          name: string
          org_unit_id: number
          secretary_id?: number | null
          status?: Database["public"]["Enums"]["branch_status"]
          term_years?: number
          updated_at?: string
        }
        Update: {
          basis?: Database["public"]["Enums"]["branch_basis"]
          code?: string
          created_at?: string
          excellence?: Database["public"]["Enums"]["branch_excellence"]
          founded_on?: string | null
          id?: never
          kind?: Database["public"]["Enums"]["branch_kind"]
          last_election_on?: string | null
          name?: string
          org_unit_id?: number
          secretary_id?: number | null
          status?: Database["public"]["Enums"]["branch_status"]
          term_years?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "branches_org_unit_id_fkey"
            columns: ["org_unit_id"]
            referencedRelation: "org_units"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "branches_secretary_id_fkey"
            columns: ["secretary_id"]
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
        ]
      }
      carrier_coverages: {
        Row: {
          branch_id: number
          carrier_id: number
          created_at: string
          ended_on: string | null
          form: Database["public"]["Enums"]["coverage_form"]
          id: number
          started_on: string
          updated_at: string
        }
        Insert: {
          branch_id: number
          carrier_id: number
          created_at?: string
          ended_on?: string | null
          form: Database["public"]["Enums"]["coverage_form"]
          id?: never
          started_on: string
          updated_at?: string
        }
        Update: {
          branch_id?: number
          carrier_id?: number
          created_at?: string
          ended_on?: string | null
          form?: Database["public"]["Enums"]["coverage_form"]
          id?: never
          started_on?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "carrier_coverages_branch_id_fkey"
            columns: ["branch_id"]
            referencedRelation: "branches"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "carrier_coverages_carrier_id_fkey"
            columns: ["carrier_id"]
            referencedRelation: "carriers"
            referencedColumns: ["id"]
          },
        ]
      }
      carriers: {
        Row: {
          created_at: string
          headcount: number
          id: number
          kind: Database["public"]["Enums"]["carrier_kind"]
          name: string
          org_unit_id: number
          updated_at: string
          covered: boolean | null
          current_coverages: {
            branch_id: number
            carrier_id: number
            created_at: string
            ended_on: string | null
            form: Database["public"]["Enums"]["coverage_form"]
            id: number
            started_on: string
            updated_at: string
          } | null
          todo_carrier_uncovered: boolean | null
        }
        Insert: {
          created_at?: string
          headcount?: number
          id?: never
          kind: Database["public"]["Enums"]["carrier_kind"]
          name: string
          org_unit_id: number
          updated_at?: string
        }
        Update: {
          created_at?: string
          headcount?: number
          id?: never
          kind?: Database["public"]["Enums"]["carrier_kind"]
          name?: string
          org_unit_id?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "carriers_org_unit_id_fkey"
            columns: ["org_unit_id"]
            referencedRelation: "org_units"
            referencedColumns: ["id"]
          },
        ]
      }
      cases: {
        Row: {
          branch_id: number
          budget_id: number | null
          created_at: string
          id: number
          rated_on: string | null
          rating: Database["public"]["Enums"]["case_rating"] | null
          recommended_on: string | null
          service_area: Database["public"]["Enums"]["service_area"]
          status: Database["public"]["Enums"]["case_status"]
          submitted_on: string | null
          summary: string | null
          title: string
          updated_at: string
          year: number
          todo_case_awaiting_rating: boolean | null
          todo_case_awaiting_recommendation: boolean | null
        }
        Insert: {
          branch_id: number
          budget_id?: number | null
          created_at?: string
          id?: never
          rated_on?: string | null
          rating?: Database["public"]["Enums"]["case_rating"] | null
          recommended_on?: string | null
          service_area: Database["public"]["Enums"]["service_area"]
          status?: Database["public"]["Enums"]["case_status"]
          submitted_on?: string | null
          summary?: string | null
          title: string
          updated_at?: string
          year: number
        }
        Update: {
          branch_id?: number
          budget_id?: number | null
          created_at?: string
          id?: never
          rated_on?: string | null
          rating?: Database["public"]["Enums"]["case_rating"] | null
          recommended_on?: string | null
          service_area?: Database["public"]["Enums"]["service_area"]
          status?: Database["public"]["Enums"]["case_status"]
          submitted_on?: string | null
          summary?: string | null
          title?: string
          updated_at?: string
          year?: number
        }
        Relationships: [
          {
            foreignKeyName: "cases_branch_id_fkey"
            columns: ["branch_id"]
            referencedRelation: "branches"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "cases_budget_id_fkey"
            columns: ["budget_id"]
            referencedRelation: "fund_budgets"
            referencedColumns: ["id"]
          },
        ]
      }
      contact_points: {
        Row: {
          branch_id: number
          contact_id: string
          created_at: string
          duties: string | null
          ended_on: string | null
          id: number
          started_on: string
          updated_at: string
          active: boolean | null
        }
        Insert: {
          branch_id: number
          contact_id: string
          created_at?: string
          duties?: string | null
          ended_on?: string | null
          id?: never
          started_on: string
          updated_at?: string
        }
        Update: {
          branch_id?: number
          contact_id?: string
          created_at?: string
          duties?: string | null
          ended_on?: string | null
          id?: never
          started_on?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "contact_points_branch_id_fkey"
            columns: ["branch_id"]
            referencedRelation: "branches"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "contact_points_contact_id_fkey"
            columns: ["contact_id"]
            referencedRelation: "contact_people"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "contact_points_contact_id_fkey"
            columns: ["contact_id"]
            referencedRelation: "profiles"
            referencedColumns: ["user_id"]
          },
        ]
      }
      evaluation_cycles: {
        Row: {
          created_at: string
          ends_on: string
          id: number
          starts_on: string
          status: Database["public"]["Enums"]["cycle_status"]
          title: string
          updated_at: string
          weight_masses: number
          weight_org: number
          year: number
        }
        Insert: {
          created_at?: string
          ends_on: string
          id?: never
          starts_on: string
          status?: Database["public"]["Enums"]["cycle_status"]
          title: string
          updated_at?: string
          weight_masses?: number
          weight_org?: number
          year: number
        }
        Update: {
          created_at?: string
          ends_on?: string
          id?: never
          starts_on?: string
          status?: Database["public"]["Enums"]["cycle_status"]
          title?: string
          updated_at?: string
          weight_masses?: number
          weight_org?: number
          year?: number
        }
        Relationships: []
      }
      excellence_plans: {
        Row: {
          approved_on: string | null
          branch_id: number
          breakthrough: string | null
          created_at: string
          entry_point: string | null
          goals: string
          id: number
          judged_on: string | null
          result: Database["public"]["Enums"]["plan_result"] | null
          self_assessment: string | null
          status: Database["public"]["Enums"]["plan_status"]
          submitted_on: string | null
          updated_at: string
          year: number
          todo_plan_awaiting_review: boolean | null
        }
        Insert: {
          approved_on?: string | null
          branch_id: number
          breakthrough?: string | null
          created_at?: string
          entry_point?: string | null
          goals: string
          id?: never
          judged_on?: string | null
          result?: Database["public"]["Enums"]["plan_result"] | null
          self_assessment?: string | null
          status?: Database["public"]["Enums"]["plan_status"]
          submitted_on?: string | null
          updated_at?: string
          year: number
        }
        Update: {
          approved_on?: string | null
          branch_id?: number
          breakthrough?: string | null
          created_at?: string
          entry_point?: string | null
          goals?: string
          id?: never
          judged_on?: string | null
          result?: Database["public"]["Enums"]["plan_result"] | null
          self_assessment?: string | null
          status?: Database["public"]["Enums"]["plan_status"]
          submitted_on?: string | null
          updated_at?: string
          year?: number
        }
        Relationships: [
          {
            foreignKeyName: "excellence_plans_branch_id_fkey"
            columns: ["branch_id"]
            referencedRelation: "branches"
            referencedColumns: ["id"]
          },
        ]
      }
      excellence_tasks: {
        Row: {
          created_at: string
          done_on: string | null
          due_on: string
          id: number
          note: string | null
          plan_id: number
          title: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          done_on?: string | null
          due_on: string
          id?: never
          note?: string | null
          plan_id: number
          title: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          done_on?: string | null
          due_on?: string
          id?: never
          note?: string | null
          plan_id?: number
          title?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "excellence_tasks_plan_id_fkey"
            columns: ["plan_id"]
            referencedRelation: "excellence_plans"
            referencedColumns: ["id"]
          },
        ]
      }
      fund_budgets: {
        Row: {
          amount: number
          branch_id: number | null
          category: Database["public"]["Enums"]["fund_category"]
          created_at: string
          fiscal_year: number
          id: number
          note: string | null
          org_unit_id: number
          updated_at: string
          todo_budget_lagging: boolean | null
        }
        Insert: {
          amount: number
          branch_id?: number | null
          category: Database["public"]["Enums"]["fund_category"]
          created_at?: string
          fiscal_year: number
          id?: never
          note?: string | null
          org_unit_id: number
          updated_at?: string
        }
        Update: {
          amount?: number
          branch_id?: number | null
          category?: Database["public"]["Enums"]["fund_category"]
          created_at?: string
          fiscal_year?: number
          id?: never
          note?: string | null
          org_unit_id?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "fund_budgets_branch_id_fkey"
            columns: ["branch_id"]
            referencedRelation: "branches"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "fund_budgets_org_unit_id_fkey"
            columns: ["org_unit_id"]
            referencedRelation: "org_units"
            referencedColumns: ["id"]
          },
        ]
      }
      fund_expenditures: {
        Row: {
          amount: number
          budget_id: number
          created_at: string
          id: number
          purpose: string
          spent_on: string
          updated_at: string
          voucher_no: string | null
        }
        Insert: {
          amount: number
          budget_id: number
          created_at?: string
          id?: never
          purpose: string
          spent_on: string
          updated_at?: string
          voucher_no?: string | null
        }
        Update: {
          amount?: number
          budget_id?: number
          created_at?: string
          id?: never
          purpose?: string
          spent_on?: string
          updated_at?: string
          voucher_no?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "fund_expenditures_budget_id_fkey"
            columns: ["budget_id"]
            referencedRelation: "fund_budgets"
            referencedColumns: ["id"]
          },
        ]
      }
      imports: {
        Row: {
          actor_id: string | null
          actor_name: string
          created: number
          created_at: string
          file_name: string | null
          id: number
          mode: string
          org_unit_id: number | null
          row_count: number
          table_name: string
          unchanged: number
          updated: number
          updated_at: string
        }
        Insert: {
          actor_id?: string | null
          actor_name: string
          created?: number
          created_at?: string
          file_name?: string | null
          id?: never
          mode: string
          org_unit_id?: number | null
          row_count?: number
          table_name: string
          unchanged?: number
          updated?: number
          updated_at?: string
        }
        Update: {
          actor_id?: string | null
          actor_name?: string
          created?: number
          created_at?: string
          file_name?: string | null
          id?: never
          mode?: string
          org_unit_id?: number | null
          row_count?: number
          table_name?: string
          unchanged?: number
          updated?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "imports_org_unit_id_fkey"
            columns: ["org_unit_id"]
            referencedRelation: "org_units"
            referencedColumns: ["id"]
          },
        ]
      }
      meeting_attendance: {
        Row: {
          absence_reason: string | null
          created_at: string
          id: number
          meeting_id: number
          member_id: number
          present: boolean
          updated_at: string
        }
        Insert: {
          absence_reason?: string | null
          created_at?: string
          id?: never
          meeting_id: number
          member_id: number
          present?: boolean
          updated_at?: string
        }
        Update: {
          absence_reason?: string | null
          created_at?: string
          id?: never
          meeting_id?: number
          member_id?: number
          present?: boolean
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "meeting_attendance_meeting_id_fkey"
            columns: ["meeting_id"]
            referencedRelation: "meetings"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "meeting_attendance_member_id_fkey"
            columns: ["member_id"]
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
        ]
      }
      meeting_standards: {
        Row: {
          created_at: string
          frequency: Database["public"]["Enums"]["meeting_frequency"]
          id: number
          kind: Database["public"]["Enums"]["meeting_kind"]
          note: string
          per_period: number
          updated_at: string
        }
        Insert: {
          created_at?: string
          frequency: Database["public"]["Enums"]["meeting_frequency"]
          id?: never
          kind: Database["public"]["Enums"]["meeting_kind"]
          note?: string
          per_period?: number
          updated_at?: string
        }
        Update: {
          created_at?: string
          frequency?: Database["public"]["Enums"]["meeting_frequency"]
          id?: never
          kind?: Database["public"]["Enums"]["meeting_kind"]
          note?: string
          per_period?: number
          updated_at?: string
        }
        Relationships: []
      }
      meetings: {
        Row: {
          absent_count: number
          branch_id: number | null
          content: string | null
          created_at: string
          expected_count: number
          held_on: string
          host: string | null
          id: number
          kind: Database["public"]["Enums"]["meeting_kind"]
          org_unit_id: number
          present_count: number
          title: string
          updated_at: string
        }
        Insert: {
          absent_count?: number
          branch_id?: number | null
          content?: string | null
          created_at?: string
          expected_count?: number
          held_on: string
          host?: string | null
          id?: never
          kind: Database["public"]["Enums"]["meeting_kind"]
          org_unit_id: number
          present_count?: number
          title: string
          updated_at?: string
        }
        Update: {
          absent_count?: number
          branch_id?: number | null
          content?: string | null
          created_at?: string
          expected_count?: number
          held_on?: string
          host?: string | null
          id?: never
          kind?: Database["public"]["Enums"]["meeting_kind"]
          org_unit_id?: number
          present_count?: number
          title?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "meetings_branch_id_fkey"
            columns: ["branch_id"]
            referencedRelation: "branches"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "meetings_org_unit_id_fkey"
            columns: ["org_unit_id"]
            referencedRelation: "org_units"
            referencedColumns: ["id"]
          },
        ]
      }
      member_posts: {
        Row: {
          created_at: string
          duties: string | null
          grade: Database["public"]["Enums"]["member_grade"] | null
          id: number
          member_id: number
          post_title: string
          self_review: string | null
          targets: string | null
          updated_at: string
          year: number
        }
        Insert: {
          created_at?: string
          duties?: string | null
          grade?: Database["public"]["Enums"]["member_grade"] | null
          id?: never
          member_id: number
          post_title: string
          self_review?: string | null
          targets?: string | null
          updated_at?: string
          year: number
        }
        Update: {
          created_at?: string
          duties?: string | null
          grade?: Database["public"]["Enums"]["member_grade"] | null
          id?: never
          member_id?: number
          post_title?: string
          self_review?: string | null
          targets?: string | null
          updated_at?: string
          year?: number
        }
        Relationships: [
          {
            foreignKeyName: "member_posts_member_id_fkey"
            columns: ["member_id"]
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
        ]
      }
      member_reviews: {
        Row: {
          comment: string | null
          created_at: string
          cycle_id: number
          grade: Database["public"]["Enums"]["member_grade"]
          id: number
          member_id: number
          updated_at: string
        }
        Insert: {
          comment?: string | null
          created_at?: string
          cycle_id: number
          grade: Database["public"]["Enums"]["member_grade"]
          id?: never
          member_id: number
          updated_at?: string
        }
        Update: {
          comment?: string | null
          created_at?: string
          cycle_id?: number
          grade?: Database["public"]["Enums"]["member_grade"]
          id?: never
          member_id?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "member_reviews_cycle_id_fkey"
            columns: ["cycle_id"]
            referencedRelation: "evaluation_cycles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "member_reviews_member_id_fkey"
            columns: ["member_id"]
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
        ]
      }
      members: {
        Row: {
          branch_id: number
          branch_role: Database["public"]["Enums"]["branch_role"]
          category: Database["public"]["Enums"]["member_category"]
          contact: string | null
          created_at: string
          gender: Database["public"]["Enums"]["gender"]
          id: number
          joined_on: string | null
          name: string
          professional_title: Database["public"]["Enums"]["professional_title"]
          status: Database["public"]["Enums"]["member_status"]
          student_or_staff_no: string
          updated_at: string
          todo_probation_due: boolean | null
          todo_probation_overdue: boolean | null
        }
        Insert: {
          branch_id: number
          branch_role?: Database["public"]["Enums"]["branch_role"]
          category: Database["public"]["Enums"]["member_category"]
          contact?: string | null
          created_at?: string
          gender: Database["public"]["Enums"]["gender"]
          id?: never
          joined_on?: string | null
          name: string
          professional_title?: Database["public"]["Enums"]["professional_title"]
          status?: Database["public"]["Enums"]["member_status"]
          student_or_staff_no: string
          updated_at?: string
        }
        Update: {
          branch_id?: number
          branch_role?: Database["public"]["Enums"]["branch_role"]
          category?: Database["public"]["Enums"]["member_category"]
          contact?: string | null
          created_at?: string
          gender?: Database["public"]["Enums"]["gender"]
          id?: never
          joined_on?: string | null
          name?: string
          professional_title?: Database["public"]["Enums"]["professional_title"]
          status?: Database["public"]["Enums"]["member_status"]
          student_or_staff_no?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "members_branch_id_fkey"
            columns: ["branch_id"]
            referencedRelation: "branches"
            referencedColumns: ["id"]
          },
        ]
      }
      model_posts: {
        Row: {
          carrier_id: number | null
          created_at: string
          ended_on: string | null
          id: number
          kind: Database["public"]["Enums"]["model_post_kind"]
          member_id: number
          place: string | null
          started_on: string
          title: string
          updated_at: string
        }
        Insert: {
          carrier_id?: number | null
          created_at?: string
          ended_on?: string | null
          id?: never
          kind: Database["public"]["Enums"]["model_post_kind"]
          member_id: number
          place?: string | null
          started_on: string
          title: string
          updated_at?: string
        }
        Update: {
          carrier_id?: number | null
          created_at?: string
          ended_on?: string | null
          id?: never
          kind?: Database["public"]["Enums"]["model_post_kind"]
          member_id?: number
          place?: string | null
          started_on?: string
          title?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "model_posts_carrier_id_fkey"
            columns: ["carrier_id"]
            referencedRelation: "carriers"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "model_posts_member_id_fkey"
            columns: ["member_id"]
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
        ]
      }
      online_channels: {
        Row: {
          audience: number
          branch_id: number
          created_at: string
          id: number
          kind: Database["public"]["Enums"]["online_channel_kind"]
          name: string
          updated_at: string
          url: string | null
        }
        Insert: {
          audience?: number
          branch_id: number
          created_at?: string
          id?: never
          kind: Database["public"]["Enums"]["online_channel_kind"]
          name: string
          updated_at?: string
          url?: string | null
        }
        Update: {
          audience?: number
          branch_id?: number
          created_at?: string
          id?: never
          kind?: Database["public"]["Enums"]["online_channel_kind"]
          name?: string
          updated_at?: string
          url?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "online_channels_branch_id_fkey"
            columns: ["branch_id"]
            referencedRelation: "branches"
            referencedColumns: ["id"]
          },
        ]
      }
      org_units: {
        Row: {
          category: Database["public"]["Enums"]["org_unit_category"]
          code: string
          created_at: string
          id: number
          kind: Database["public"]["Enums"]["org_unit_kind"]
          name: string
          updated_at: string
        }
        Insert: {
          category: Database["public"]["Enums"]["org_unit_category"]
          code: string
          created_at?: string
          id?: never
          kind: Database["public"]["Enums"]["org_unit_kind"]
          name: string
          updated_at?: string
        }
        Update: {
          category?: Database["public"]["Enums"]["org_unit_category"]
          code?: string
          created_at?: string
          id?: never
          kind?: Database["public"]["Enums"]["org_unit_kind"]
          name?: string
          updated_at?: string
        }
        Relationships: []
      }
      partnership_activities: {
        Row: {
          created_at: string
          held_on: string
          id: number
          outcome: string | null
          participants: number
          partnership_id: number
          service_area: Database["public"]["Enums"]["service_area"]
          title: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          held_on: string
          id?: never
          outcome?: string | null
          participants?: number
          partnership_id: number
          service_area: Database["public"]["Enums"]["service_area"]
          title: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          held_on?: string
          id?: never
          outcome?: string | null
          participants?: number
          partnership_id?: number
          service_area?: Database["public"]["Enums"]["service_area"]
          title?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "partnership_activities_partnership_id_fkey"
            columns: ["partnership_id"]
            referencedRelation: "partnerships"
            referencedColumns: ["id"]
          },
        ]
      }
      partnerships: {
        Row: {
          branch_id: number
          created_at: string
          ended_on: string | null
          id: number
          mode: Database["public"]["Enums"]["partnership_mode"]
          partner_branch_id: number | null
          partner_kind: Database["public"]["Enums"]["partner_kind"]
          partner_name: string | null
          started_on: string
          status: Database["public"]["Enums"]["partnership_status"]
          updated_at: string
        }
        Insert: {
          branch_id: number
          created_at?: string
          ended_on?: string | null
          id?: never
          mode: Database["public"]["Enums"]["partnership_mode"]
          partner_branch_id?: number | null
          partner_kind: Database["public"]["Enums"]["partner_kind"]
          partner_name?: string | null
          started_on: string
          status?: Database["public"]["Enums"]["partnership_status"]
          updated_at?: string
        }
        Update: {
          branch_id?: number
          created_at?: string
          ended_on?: string | null
          id?: never
          mode?: Database["public"]["Enums"]["partnership_mode"]
          partner_branch_id?: number | null
          partner_kind?: Database["public"]["Enums"]["partner_kind"]
          partner_name?: string | null
          started_on?: string
          status?: Database["public"]["Enums"]["partnership_status"]
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "partnerships_branch_id_fkey"
            columns: ["branch_id"]
            referencedRelation: "branches"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "partnerships_partner_branch_id_fkey"
            columns: ["partner_branch_id"]
            referencedRelation: "branches"
            referencedColumns: ["id"]
          },
        ]
      }
      profiles: {
        Row: {
          created_at: string
          display_name: string
          org_unit_id: number | null
          role: Database["public"]["Enums"]["app_role"]
          updated_at: string
          user_id: string
        }
        Insert: {
          created_at?: string
          display_name: string
          org_unit_id?: number | null
          role: Database["public"]["Enums"]["app_role"]
          updated_at?: string
          user_id: string
        }
        Update: {
          created_at?: string
          display_name?: string
          org_unit_id?: number | null
          role?: Database["public"]["Enums"]["app_role"]
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "profiles_org_unit_id_fkey"
            columns: ["org_unit_id"]
            referencedRelation: "org_units"
            referencedColumns: ["id"]
          },
        ]
      }
      saved_views: {
        Row: {
          created_at: string
          id: number
          name: string
          query: string
          resource: string
          updated_at: string
          user_id: string
        }
        Insert: {
          created_at?: string
          id?: never
          name: string
          query?: string
          resource: string
          updated_at?: string
          user_id?: string
        }
        Update: {
          created_at?: string
          id?: never
          name?: string
          query?: string
          resource?: string
          updated_at?: string
          user_id?: string
        }
        Relationships: []
      }
      settings: {
        Row: {
          created_at: string
          description: string
          id: number
          key: string
          label: string
          max_value: number
          min_value: number
          position: number
          unit: string
          updated_at: string
          value: number
        }
        Insert: {
          created_at?: string
          description?: string
          id?: never
          key: string
          label: string
          max_value: number
          min_value: number
          position?: number
          unit?: string
          updated_at?: string
          value: number
        }
        Update: {
          created_at?: string
          description?: string
          id?: never
          key?: string
          label?: string
          max_value?: number
          min_value?: number
          position?: number
          unit?: string
          updated_at?: string
          value?: number
        }
        Relationships: []
      }
      training_attendance: {
        Row: {
          created_at: string
          hours: number
          id: number
          member_id: number
          training_id: number
          updated_at: string
        }
        Insert: {
          created_at?: string
          hours: number
          id?: never
          member_id: number
          training_id: number
          updated_at?: string
        }
        Update: {
          created_at?: string
          hours?: number
          id?: never
          member_id?: number
          training_id?: number
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "training_attendance_member_id_fkey"
            columns: ["member_id"]
            referencedRelation: "members"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "training_attendance_training_id_fkey"
            columns: ["training_id"]
            referencedRelation: "trainings"
            referencedColumns: ["id"]
          },
        ]
      }
      trainings: {
        Row: {
          created_at: string
          held_on: string
          hours: number
          id: number
          org_unit_id: number | null
          organizer: Database["public"]["Enums"]["training_organizer"]
          title: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          held_on: string
          hours: number
          id?: never
          org_unit_id?: number | null
          organizer: Database["public"]["Enums"]["training_organizer"]
          title: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          held_on?: string
          hours?: number
          id?: never
          org_unit_id?: number | null
          organizer?: Database["public"]["Enums"]["training_organizer"]
          title?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "trainings_org_unit_id_fkey"
            columns: ["org_unit_id"]
            referencedRelation: "org_units"
            referencedColumns: ["id"]
          },
        ]
      }
      visits: {
        Row: {
          branch_id: number
          created_at: string
          follow_up: string | null
          id: number
          kind: Database["public"]["Enums"]["visit_kind"]
          problems: string | null
          resolved_on: string | null
          summary: string | null
          updated_at: string
          visited_on: string
          visitor_id: string | null
          visitor_name: string | null
          follow_up_open: boolean | null
          todo_follow_up_overdue: boolean | null
        }
        Insert: {
          branch_id: number
          created_at?: string
          follow_up?: string | null
          id?: never
          kind: Database["public"]["Enums"]["visit_kind"]
          problems?: string | null
          resolved_on?: string | null
          summary?: string | null
          updated_at?: string
          visited_on: string
          visitor_id?: string | null
          visitor_name?: string | null
        }
        Update: {
          branch_id?: number
          created_at?: string
          follow_up?: string | null
          id?: never
          kind?: Database["public"]["Enums"]["visit_kind"]
          problems?: string | null
          resolved_on?: string | null
          summary?: string | null
          updated_at?: string
          visited_on?: string
          visitor_id?: string | null
          visitor_name?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "visits_branch_id_fkey"
            columns: ["branch_id"]
            referencedRelation: "branches"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "visits_visitor_id_fkey"
            columns: ["visitor_id"]
            referencedRelation: "contact_people"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "visits_visitor_id_fkey"
            columns: ["visitor_id"]
            referencedRelation: "profiles"
            referencedColumns: ["user_id"]
          },
        ]
      }
    }
    Views: {
      contact_people: {
        Row: {
          display_name: string | null
          id: string | null
          org_unit_id: number | null
          role: Database["public"]["Enums"]["app_role"] | null
        }
        Insert: {
          display_name?: string | null
          id?: string | null
          org_unit_id?: number | null
          role?: Database["public"]["Enums"]["app_role"] | null
        }
        Update: {
          display_name?: string | null
          id?: string | null
          org_unit_id?: number | null
          role?: Database["public"]["Enums"]["app_role"] | null
        }
        Relationships: [
          {
            foreignKeyName: "profiles_org_unit_id_fkey"
            columns: ["org_unit_id"]
            referencedRelation: "org_units"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Functions: {
      active: {
        Args: {
          contact_point: Database["public"]["Tables"]["contact_points"]["Row"]
        }
        Returns: boolean
      }
      admin_create_account: {
        Args: {
          p_display_name: string
          p_email: string
          p_org_unit_id?: number
          p_password: string
          p_role: Database["public"]["Enums"]["app_role"]
        }
        Returns: string
      }
      admin_list_accounts: {
        Args: Record<PropertyKey, never>
        Returns: {
          banned_until: string
          created_at: string
          disabled: boolean
          display_name: string
          email: string
          last_sign_in_at: string
          org_unit_id: number
          org_unit_name: string
          role: Database["public"]["Enums"]["app_role"]
          user_id: string
        }[]
      }
      admin_reset_password: {
        Args: { p_password: string; p_user_id: string }
        Returns: undefined
      }
      admin_set_account_disabled: {
        Args: { p_disabled: boolean; p_user_id: string }
        Returns: undefined
      }
      approve_excellence_plan: {
        Args: { p_plan_id: number }
        Returns: {
          approved_on: string | null
          branch_id: number
          breakthrough: string | null
          created_at: string
          entry_point: string | null
          goals: string
          id: number
          judged_on: string | null
          result: Database["public"]["Enums"]["plan_result"] | null
          self_assessment: string | null
          status: Database["public"]["Enums"]["plan_status"]
          submitted_on: string | null
          updated_at: string
          year: number
        }
        SetofOptions: {
          from: "*"
          to: "excellence_plans"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      branches_below_activity_standard: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_fiscal_year?: number
          p_org_unit_id?: number
          p_standard?: number
        }
        Returns: {
          allocated: number
          branch_code: string
          branch_id: number
          branch_name: string
          members: number
          org_unit_id: number
          org_unit_name: string
          per_member: number
          shortfall: number
          standard: number
        }[]
      }
      branches_without_meetings: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_day?: string
          p_org_unit_id?: number
        }
        Returns: {
          branch_code: string
          branch_id: number
          branch_name: string
          last_held_on: string
          members: number
          org_unit_id: number
          org_unit_name: string
        }[]
      }
      branches_without_secretary: {
        Args: { p_org_unit_id?: number; p_year?: number }
        Returns: {
          branch_code: string
          branch_id: number
          branch_kind: Database["public"]["Enums"]["branch_kind"]
          branch_name: string
          last_election_on: string
          members: number
          org_unit_id: number
          org_unit_name: string
        }[]
      }
      cases_by_unit: {
        Args: { p_org_unit_id?: number; p_year?: number }
        Returns: {
          best: number
          cases: number
          draft: number
          excellent: number
          not_awarded: number
          org_unit_code: string
          org_unit_id: number
          org_unit_name: string
          rated: number
          recommended: number
          submitted: number
        }[]
      }
      contact_point_coverage: {
        Args: { p_day?: string; p_org_unit_id?: number }
        Returns: {
          branches: number
          contact_share: number
          leader_contact_share: number
          org_unit_code: string
          org_unit_id: number
          org_unit_name: string
          with_contact: number
          with_leader_contact: number
        }[]
      }
      contact_point_summary: {
        Args: { p_day?: string; p_org_unit_id?: number }
        Returns: {
          branches: number
          contact_share: number
          leader_contact_share: number
          with_contact: number
          with_leader_contact: number
        }[]
      }
      coverage_by_kind: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_day?: string
          p_org_unit_id?: number
        }
        Returns: {
          carrier_kind: Database["public"]["Enums"]["carrier_kind"]
          carriers: number
          coverage_rate: number
          covered: number
          uncovered: number
        }[]
      }
      coverage_by_unit_kind: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_day?: string
          p_org_unit_id?: number
        }
        Returns: {
          carrier_kind: Database["public"]["Enums"]["carrier_kind"]
          carriers: number
          coverage_rate: number
          covered: number
          org_unit_code: string
          org_unit_id: number
          org_unit_name: string
          uncovered: number
        }[]
      }
      coverage_summary: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_day?: string
          p_org_unit_id?: number
        }
        Returns: {
          carriers: number
          coverage_rate: number
          covered: number
          uncovered: number
        }[]
      }
      coverage_trend: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_carrier_kind?: Database["public"]["Enums"]["carrier_kind"]
          p_end?: string
          p_months?: number
          p_org_unit_id?: number
        }
        Returns: {
          carriers: number
          coverage_rate: number
          covered: number
          day: string
          month: string
        }[]
      }
      covered: {
        Args: { carrier: Database["public"]["Tables"]["carriers"]["Row"] }
        Returns: boolean
      }
      current_coverages: {
        Args: { carrier: Database["public"]["Tables"]["carriers"]["Row"] }
        Returns: {
          branch_id: number
          carrier_id: number
          created_at: string
          ended_on: string | null
          form: Database["public"]["Enums"]["coverage_form"]
          id: number
          started_on: string
          updated_at: string
        }
        SetofOptions: {
          from: "carriers"
          to: "carrier_coverages"
          isOneToOne: true
          isSetofReturn: true
        }
      }
      election_due_on: {
        Args: { b: Database["public"]["Tables"]["branches"]["Row"] }
        Returns: string
      }
      evaluation_distribution: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_bucket_width?: number
          p_org_unit_id?: number
          p_year: number
        }
        Returns: {
          branches: number
          bucket_from: number
          bucket_to: number
          label: string
        }[]
      }
      evaluation_grades_by_unit: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_org_unit_id?: number
          p_year: number
        }
        Returns: {
          average_total: number
          evaluated: number
          excellent: number
          good: number
          org_unit_code: string
          org_unit_id: number
          org_unit_name: string
          qualified: number
          unqualified: number
        }[]
      }
      evaluation_ranking: {
        Args: {
          p_bottom?: boolean
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_limit?: number
          p_org_unit_id?: number
          p_year: number
        }
        Returns: {
          branch_code: string
          branch_id: number
          branch_name: string
          grade: Database["public"]["Enums"]["branch_grade"]
          org_unit_id: number
          org_unit_name: string
          rank: number
          total: number
        }[]
      }
      evaluation_six_averages: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_org_unit_id?: number
          p_year: number
        }
        Returns: {
          dimension: string
          label: string
          school_average: number
          unit_average: number
        }[]
      }
      evaluation_trend: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_org_unit_id?: number
        }
        Returns: {
          average_total: number
          cycle_id: number
          cycle_status: Database["public"]["Enums"]["cycle_status"]
          evaluated: number
          excellent_rate: number
          year: number
        }[]
      }
      evaluation_year_over_year: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_org_unit_id?: number
          p_year: number
        }
        Returns: {
          average_total: number
          change: number
          evaluated: number
          org_unit_code: string
          org_unit_id: number
          org_unit_name: string
          previous_average_total: number
          previous_evaluated: number
          previous_year: number
          year: number
        }[]
      }
      excellence_plans_by_status: {
        Args: { p_org_unit_id?: number; p_year?: number }
        Returns: {
          excellent: number
          not_met: number
          plans: number
          qualified: number
          status: Database["public"]["Enums"]["plan_status"]
        }[]
      }
      excellence_tasks_by_unit: {
        Args: { p_org_unit_id?: number; p_year?: number }
        Returns: {
          completion_rate: number
          done: number
          org_unit_code: string
          org_unit_id: number
          org_unit_name: string
          overdue: number
          plans: number
          tasks: number
        }[]
      }
      excellent_branches_by_year: {
        Args: { p_from?: number; p_org_unit_id?: number; p_to?: number }
        Returns: {
          cultivating_branches: number
          excellent_branches: number
          org_unit_code: string
          org_unit_id: number
          org_unit_name: string
          year: number
        }[]
      }
      follow_up_open: {
        Args: { visit: Database["public"]["Tables"]["visits"]["Row"] }
        Returns: boolean
      }
      funds_by_category: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_fiscal_year?: number
          p_org_unit_id?: number
        }
        Returns: {
          allocated: number
          budget: number
          category: Database["public"]["Enums"]["fund_category"]
          execution_rate: number
          spent: number
        }[]
      }
      funds_by_unit_category: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_category?: Database["public"]["Enums"]["fund_category"]
          p_fiscal_year?: number
          p_org_unit_id?: number
        }
        Returns: {
          allocated: number
          allocation_rate: number
          budget: number
          category: Database["public"]["Enums"]["fund_category"]
          execution_rate: number
          org_unit_code: string
          org_unit_id: number
          org_unit_name: string
          spent: number
        }[]
      }
      funds_monthly_execution: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_category?: Database["public"]["Enums"]["fund_category"]
          p_fiscal_year?: number
          p_org_unit_id?: number
        }
        Returns: {
          budget: number
          cumulative_rate: number
          cumulative_spent: number
          even_spend_rate: number
          month: string
          month_number: number
          spent: number
        }[]
      }
      home_kpis: {
        Args: { p_day?: string; p_fiscal_year?: number; p_org_unit_id?: number }
        Returns: {
          branches: number
          budget: number
          carriers: number
          coverage_rate: number
          covered_carriers: number
          elections_overdue: number
          execution_rate: number
          members: number
          secretaries: number
          senior_title_secretaries: number
          senior_title_secretary_share: number
          spent: number
        }[]
      }
      import_rows: {
        Args: {
          p_dry_run?: boolean
          p_file_name?: string
          p_mode?: string
          p_rows: Json
          p_table: string
        }
        Returns: Json
      }
      judge_excellence_plan: {
        Args: {
          p_plan_id: number
          p_result: Database["public"]["Enums"]["plan_result"]
        }
        Returns: {
          approved_on: string | null
          branch_id: number
          breakthrough: string | null
          created_at: string
          entry_point: string | null
          goals: string
          id: number
          judged_on: string | null
          result: Database["public"]["Enums"]["plan_result"] | null
          self_assessment: string | null
          status: Database["public"]["Enums"]["plan_status"]
          submitted_on: string | null
          updated_at: string
          year: number
        }
        SetofOptions: {
          from: "*"
          to: "excellence_plans"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      meeting_attendance_trend: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_day?: string
          p_org_unit_id?: number
        }
        Returns: {
          attendance_rate: number
          expected: number
          meetings: number
          present: number
          quarter_label: string
          quarter_start: string
        }[]
      }
      meeting_completion_by_kind: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_day?: string
          p_org_unit_id?: number
        }
        Returns: {
          completion_rate: number
          expected: number
          frequency: Database["public"]["Enums"]["meeting_frequency"]
          held: number
          kind: Database["public"]["Enums"]["meeting_kind"]
        }[]
      }
      meeting_completion_by_unit_quarter: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_day?: string
          p_org_unit_id?: number
        }
        Returns: {
          completion_rate: number
          expected: number
          held: number
          org_unit_code: string
          org_unit_id: number
          org_unit_name: string
          quarter: string
        }[]
      }
      meeting_completion_summary: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_day?: string
          p_org_unit_id?: number
        }
        Returns: {
          completion_rate: number
          expected: number
          held: number
        }[]
      }
      meeting_quarter_status: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_day?: string
          p_org_unit_id?: number
          p_quarter?: number
        }
        Returns: {
          branch_code: string
          branch_committee: string
          branch_id: number
          branch_name: string
          general_meeting: string
          group_meeting: string
          kinds_done: number
          kinds_due: number
          org_life: string
          org_unit_id: number
          org_unit_name: string
          party_lecture: string
          theme_day: string
        }[]
      }
      my_contact_points: {
        Args: { p_day?: string }
        Returns: {
          branch_id: number
          branch_name: string
          contact_point_id: number
          last_visited_on: string
          open_follow_ups: number
          org_unit_name: string
          started_on: string
          visits_this_year: number
        }[]
      }
      my_open_follow_ups: {
        Args: { p_day?: string }
        Returns: {
          branch_name: string
          days_open: number
          follow_up: string
          kind: Database["public"]["Enums"]["visit_kind"]
          org_unit_name: string
          problems: string
          visit_id: number
          visited_on: string
        }[]
      }
      my_profile: {
        Args: Record<PropertyKey, never>
        Returns: {
          display_name: string
          email: string
          org_unit_id: number
          org_unit_name: string
          role: Database["public"]["Enums"]["app_role"]
          user_id: string
        }[]
      }
      open_follow_ups: {
        Args: { p_day?: string; p_org_unit_id?: number }
        Returns: {
          branch_id: number
          branch_name: string
          days_open: number
          follow_up: string
          kind: Database["public"]["Enums"]["visit_kind"]
          org_unit_id: number
          org_unit_name: string
          problems: string
          visit_id: number
          visited_on: string
          visitor: string
        }[]
      }
      rate_case: {
        Args: {
          p_case_id: number
          p_rating: Database["public"]["Enums"]["case_rating"]
        }
        Returns: {
          branch_id: number
          budget_id: number | null
          created_at: string
          id: number
          rated_on: string | null
          rating: Database["public"]["Enums"]["case_rating"] | null
          recommended_on: string | null
          service_area: Database["public"]["Enums"]["service_area"]
          status: Database["public"]["Enums"]["case_status"]
          submitted_on: string | null
          summary: string | null
          title: string
          updated_at: string
          year: number
        }
        SetofOptions: {
          from: "*"
          to: "cases"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      rated_cases_kpi: {
        Args: { p_org_unit_id?: number; p_year?: number }
        Returns: {
          best_cases: number
          excellent_cases: number
          rated_cases: number
        }[]
      }
      recommend_case: {
        Args: { p_case_id: number }
        Returns: {
          branch_id: number
          budget_id: number | null
          created_at: string
          id: number
          rated_on: string | null
          rating: Database["public"]["Enums"]["case_rating"] | null
          recommended_on: string | null
          service_area: Database["public"]["Enums"]["service_area"]
          status: Database["public"]["Enums"]["case_status"]
          submitted_on: string | null
          summary: string | null
          title: string
          updated_at: string
          year: number
        }
        SetofOptions: {
          from: "*"
          to: "cases"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      reopen_case: {
        Args: { p_case_id: number }
        Returns: {
          branch_id: number
          budget_id: number | null
          created_at: string
          id: number
          rated_on: string | null
          rating: Database["public"]["Enums"]["case_rating"] | null
          recommended_on: string | null
          service_area: Database["public"]["Enums"]["service_area"]
          status: Database["public"]["Enums"]["case_status"]
          submitted_on: string | null
          summary: string | null
          title: string
          updated_at: string
          year: number
        }
        SetofOptions: {
          from: "*"
          to: "cases"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      reopen_evaluation_cycle: {
        Args: { p_cycle_id: number }
        Returns: {
          created_at: string
          ends_on: string
          id: number
          starts_on: string
          status: Database["public"]["Enums"]["cycle_status"]
          title: string
          updated_at: string
          weight_masses: number
          weight_org: number
          year: number
        }
        SetofOptions: {
          from: "*"
          to: "evaluation_cycles"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      set_meeting_attendance: {
        Args: { p_meeting_id: number; p_rows: Json }
        Returns: {
          absent_count: number
          branch_id: number | null
          content: string | null
          created_at: string
          expected_count: number
          held_on: string
          host: string | null
          id: number
          kind: Database["public"]["Enums"]["meeting_kind"]
          org_unit_id: number
          present_count: number
          title: string
          updated_at: string
        }
        SetofOptions: {
          from: "*"
          to: "meetings"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      submit_case: {
        Args: { p_case_id: number }
        Returns: {
          branch_id: number
          budget_id: number | null
          created_at: string
          id: number
          rated_on: string | null
          rating: Database["public"]["Enums"]["case_rating"] | null
          recommended_on: string | null
          service_area: Database["public"]["Enums"]["service_area"]
          status: Database["public"]["Enums"]["case_status"]
          submitted_on: string | null
          summary: string | null
          title: string
          updated_at: string
          year: number
        }
        SetofOptions: {
          from: "*"
          to: "cases"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      submit_excellence_plan: {
        Args: { p_plan_id: number }
        Returns: {
          approved_on: string | null
          branch_id: number
          breakthrough: string | null
          created_at: string
          entry_point: string | null
          goals: string
          id: number
          judged_on: string | null
          result: Database["public"]["Enums"]["plan_result"] | null
          self_assessment: string | null
          status: Database["public"]["Enums"]["plan_status"]
          submitted_on: string | null
          updated_at: string
          year: number
        }
        SetofOptions: {
          from: "*"
          to: "excellence_plans"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      team_by_unit: {
        Args: { p_org_unit_id?: number; p_year?: number }
        Returns: {
          associate_senior: number
          average_hours: number
          branches: number
          branches_without_secretary: number
          org_unit_code: string
          org_unit_id: number
          org_unit_name: string
          other_titles: number
          secretaries: number
          secretaries_meeting_standard: number
          senior: number
          senior_title_share: number
          training_coverage: number
        }[]
      }
      team_summary: {
        Args: { p_org_unit_id?: number; p_year?: number }
        Returns: {
          average_hours: number
          branches: number
          branches_without_secretary: number
          secretaries: number
          secretaries_meeting_standard: number
          senior_title_secretaries: number
          senior_title_share: number
          standard_hours: number
          trained_secretaries: number
          training_coverage: number
        }[]
      }
      team_training_hours_distribution: {
        Args: { p_org_unit_id?: number; p_year?: number }
        Returns: {
          bucket: number
          hours_from: number
          hours_to: number
          label: string
          secretaries: number
        }[]
      }
      team_trend: {
        Args: {
          p_from_year?: number
          p_org_unit_id?: number
          p_to_year?: number
        }
        Returns: {
          average_hours: number
          secretaries: number
          secretaries_meeting_standard: number
          senior_title_secretaries: number
          senior_title_share: number
          training_coverage: number
          year: number
        }[]
      }
      todo_activity_fund_low: {
        Args: { b: Database["public"]["Tables"]["branches"]["Row"] }
        Returns: boolean
      }
      todo_branch_oversize: {
        Args: { b: Database["public"]["Tables"]["branches"]["Row"] }
        Returns: boolean
      }
      todo_branch_too_few_full: {
        Args: { b: Database["public"]["Tables"]["branches"]["Row"] }
        Returns: boolean
      }
      todo_budget_lagging: {
        Args: { f: Database["public"]["Tables"]["fund_budgets"]["Row"] }
        Returns: boolean
      }
      todo_carrier_uncovered: {
        Args: { c: Database["public"]["Tables"]["carriers"]["Row"] }
        Returns: boolean
      }
      todo_case_awaiting_rating: {
        Args: { c: Database["public"]["Tables"]["cases"]["Row"] }
        Returns: boolean
      }
      todo_case_awaiting_recommendation: {
        Args: { c: Database["public"]["Tables"]["cases"]["Row"] }
        Returns: boolean
      }
      todo_election_due: {
        Args: { b: Database["public"]["Tables"]["branches"]["Row"] }
        Returns: boolean
      }
      todo_election_due_soon: {
        Args: { b: Database["public"]["Tables"]["branches"]["Row"] }
        Returns: boolean
      }
      todo_election_overdue: {
        Args: { b: Database["public"]["Tables"]["branches"]["Row"] }
        Returns: boolean
      }
      todo_evaluation_report_missing: {
        Args: { b: Database["public"]["Tables"]["branches"]["Row"] }
        Returns: boolean
      }
      todo_evaluation_scores_missing: {
        Args: { b: Database["public"]["Tables"]["branches"]["Row"] }
        Returns: boolean
      }
      todo_follow_up_overdue: {
        Args: { v: Database["public"]["Tables"]["visits"]["Row"] }
        Returns: boolean
      }
      todo_meetings_none_this_quarter: {
        Args: { b: Database["public"]["Tables"]["branches"]["Row"] }
        Returns: boolean
      }
      todo_no_secretary: {
        Args: { b: Database["public"]["Tables"]["branches"]["Row"] }
        Returns: boolean
      }
      todo_plan_awaiting_review: {
        Args: { p: Database["public"]["Tables"]["excellence_plans"]["Row"] }
        Returns: boolean
      }
      todo_probation_due: {
        Args: { m: Database["public"]["Tables"]["members"]["Row"] }
        Returns: boolean
      }
      todo_probation_overdue: {
        Args: { m: Database["public"]["Tables"]["members"]["Row"] }
        Returns: boolean
      }
      todo_secretary_not_full: {
        Args: { b: Database["public"]["Tables"]["branches"]["Row"] }
        Returns: boolean
      }
      todos: {
        Args: Record<PropertyKey, never>
        Returns: {
          by_unit: Json
          count: number
          description: string
          fix_path: string
          ids: number[]
          kind: string
          label: string
          label_en: string
          position: number
          register: string
        }[]
      }
      transfer_members: {
        Args: {
          p_close_as?: Database["public"]["Enums"]["branch_status"]
          p_from_branch_id: number
          p_member_ids?: number[]
          p_to_branch_id: number
        }
        Returns: number
      }
      uncovered_carriers: {
        Args: {
          p_branch_kind?: Database["public"]["Enums"]["branch_kind"]
          p_carrier_kind?: Database["public"]["Enums"]["carrier_kind"]
          p_day?: string
          p_org_unit_id?: number
        }
        Returns: {
          carrier_id: number
          carrier_kind: Database["public"]["Enums"]["carrier_kind"]
          carrier_name: string
          headcount: number
          last_covered_on: string
          org_unit_code: string
          org_unit_id: number
          org_unit_name: string
        }[]
      }
      visits_by_leader_year: {
        Args: { p_from_year: number; p_org_unit_id?: number; p_to_year: number }
        Returns: {
          visitor_id: string
          visitor_name: string
          visits: number
          with_problems: number
          year: number
        }[]
      }
    }
    Enums: {
      app_role: "org_admin" | "committee_admin" | "leader"
      audit_action: "insert" | "update" | "delete"
      branch_basis:
        | "major"
        | "discipline"
        | "work_unit"
        | "dormitory"
        | "lab"
        | "research_group"
        | "practice_base"
        | "society"
        | "other"
      branch_excellence: "none" | "cultivating" | "excellent"
      branch_grade: "excellent" | "good" | "qualified" | "unqualified"
      branch_kind: "student" | "teacher" | "staff" | "retired" | "mixed"
      branch_role:
        | "secretary"
        | "deputy_secretary"
        | "committee_member"
        | "member"
      branch_status: "active" | "merged" | "dissolved"
      carrier_kind:
        | "dormitory"
        | "society"
        | "lab"
        | "research_group"
        | "practice_base"
      case_rating: "best" | "excellent" | "none"
      case_status: "draft" | "submitted" | "recommended" | "rated"
      coverage_form:
        | "branch"
        | "party_group"
        | "responsibility_zone"
        | "model_post"
        | "liaison"
      cycle_status: "draft" | "open" | "closed"
      fund_category:
        | "activity"
        | "fee_refund"
        | "case_project"
        | "training"
        | "other"
      gender: "male" | "female"
      meeting_frequency: "monthly" | "quarterly" | "yearly"
      meeting_kind:
        | "branch_committee"
        | "general_meeting"
        | "group_meeting"
        | "party_lecture"
        | "theme_day"
        | "org_life"
        | "secretary_forum"
      member_category: "student" | "teacher" | "staff" | "retired"
      member_grade:
        | "excellent"
        | "qualified"
        | "basically_qualified"
        | "unqualified"
      member_status: "probationary" | "full"
      model_post_kind: "model_post" | "responsibility_zone"
      online_channel_kind:
        | "wechat"
        | "qq"
        | "yiban"
        | "weibo"
        | "website"
        | "other"
      org_unit_category: "college" | "administration" | "affiliated"
      org_unit_kind: "party_committee" | "general_branch" | "direct_branch"
      partner_kind:
        | "street"
        | "community"
        | "enterprise"
        | "industry"
        | "school"
        | "government"
        | "internal_branch"
      partnership_mode:
        | "joint_building"
        | "dual_pairing"
        | "internal_pairing"
        | "service_alliance"
      partnership_status: "active" | "suspended" | "ended"
      plan_result: "excellent" | "qualified" | "not_met"
      plan_status: "draft" | "submitted" | "approved" | "judged"
      professional_title:
        | "senior"
        | "associate_senior"
        | "intermediate"
        | "junior"
        | "none"
      service_area:
        | "reform"
        | "development"
        | "teachers_students"
        | "members"
        | "society"
      training_organizer: "school" | "unit" | "external"
      visit_kind: "visit" | "research" | "guidance" | "forum" | "reception"
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {
      app_role: ["org_admin", "committee_admin", "leader"],
      audit_action: ["insert", "update", "delete"],
      branch_basis: [
        "major",
        "discipline",
        "work_unit",
        "dormitory",
        "lab",
        "research_group",
        "practice_base",
        "society",
        "other",
      ],
      branch_excellence: ["none", "cultivating", "excellent"],
      branch_grade: ["excellent", "good", "qualified", "unqualified"],
      branch_kind: ["student", "teacher", "staff", "retired", "mixed"],
      branch_role: [
        "secretary",
        "deputy_secretary",
        "committee_member",
        "member",
      ],
      branch_status: ["active", "merged", "dissolved"],
      carrier_kind: [
        "dormitory",
        "society",
        "lab",
        "research_group",
        "practice_base",
      ],
      case_rating: ["best", "excellent", "none"],
      case_status: ["draft", "submitted", "recommended", "rated"],
      coverage_form: [
        "branch",
        "party_group",
        "responsibility_zone",
        "model_post",
        "liaison",
      ],
      cycle_status: ["draft", "open", "closed"],
      fund_category: [
        "activity",
        "fee_refund",
        "case_project",
        "training",
        "other",
      ],
      gender: ["male", "female"],
      meeting_frequency: ["monthly", "quarterly", "yearly"],
      meeting_kind: [
        "branch_committee",
        "general_meeting",
        "group_meeting",
        "party_lecture",
        "theme_day",
        "org_life",
        "secretary_forum",
      ],
      member_category: ["student", "teacher", "staff", "retired"],
      member_grade: [
        "excellent",
        "qualified",
        "basically_qualified",
        "unqualified",
      ],
      member_status: ["probationary", "full"],
      model_post_kind: ["model_post", "responsibility_zone"],
      online_channel_kind: [
        "wechat",
        "qq",
        "yiban",
        "weibo",
        "website",
        "other",
      ],
      org_unit_category: ["college", "administration", "affiliated"],
      org_unit_kind: ["party_committee", "general_branch", "direct_branch"],
      partner_kind: [
        "street",
        "community",
        "enterprise",
        "industry",
        "school",
        "government",
        "internal_branch",
      ],
      partnership_mode: [
        "joint_building",
        "dual_pairing",
        "internal_pairing",
        "service_alliance",
      ],
      partnership_status: ["active", "suspended", "ended"],
      plan_result: ["excellent", "qualified", "not_met"],
      plan_status: ["draft", "submitted", "approved", "judged"],
      professional_title: [
        "senior",
        "associate_senior",
        "intermediate",
        "junior",
        "none",
      ],
      service_area: [
        "reform",
        "development",
        "teachers_students",
        "members",
        "society",
      ],
      training_organizer: ["school", "unit", "external"],
      visit_kind: ["visit", "research", "guidance", "forum", "reception"],
    },
  },
} as const
